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
  // The one small stylesheet, inlined, costs no render-blocking round trip before the first paint; it costs bytes in
  // every page (repeated in the RSC payload), which the caching proxy in front serves. Figures: bench/NOTES.md.
  experimental: { inlineCss: true },
  // Next hashes the whole HTML on every request for its ETag, a large share of a cached page's CPU (bench/NOTES.md);
  // pages are cached by `s-maxage` in front of Next and revalidated by tag, not by ETag.
  generateEtags: false,
  ...sharedCache,
}
export default nextConfig
