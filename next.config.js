// Next.js configuration for the reader site (the Studio is served by the lake, /studio redirects there).
import { fileURLToPath } from 'node:url'

/** Several instances share one ISR cache in Redis (deploy/cache-handler.ts); one instance alone keeps Next's own. */
const sharedCache = process.env.REDIS_URL
  ? { cacheHandler: fileURLToPath(new URL('./deploy/cache-handler.ts', import.meta.url)), cacheMaxMemorySize: 0 }
  : {}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests build into their own folder so they never clobber the build `npm start` serves.
  distDir: process.env.PARLEY_NEXT_DIST_DIR || '.next',
  // shiki loads its grammars at run time; the scheduler's schema validation (cron route) is server-only: bundling
  // either gains nothing and slows the build.
  serverExternalPackages: ['shiki', '@sanity/schema', '@sanity/validation'],
  // `npm run typecheck` checks the whole project (lake, scripts, tests too); the site's build must not fail or
  // wait on type errors in code it does not contain.
  typescript: { ignoreBuildErrors: true },
  // The one stylesheet is small (~3 KiB gzipped): inlined into the HTML it costs no render-blocking round trip before
  // the first paint (Lighthouse's render-blocking audit, FCP and LCP on mobile). Client navigations still load it as a file.
  // It is repeated in the RSC payload (the page's and the global error boundary's styles), so it costs ~32 KB of each
  // page's 70 KB of HTML; without it, mobile Lighthouse drops 10 points (FCP 1.1 → 1.8 s). Readers come first; the
  // caching proxy in front serves the bytes (deploy/nginx, bench/site-topology.ts).
  experimental: { inlineCss: true },
  // Next hashes the whole HTML in JavaScript on every request for its ETag (fnv1a over 70 KB): a quarter of the CPU a
  // cached page costs. Pages are cached by `s-maxage` in front of Next and revalidated by tag, not by ETag.
  generateEtags: false,
  ...sharedCache,
}
export default nextConfig
