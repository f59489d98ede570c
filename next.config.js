// Next.js configuration for the reader site (the Studio is served by the lake, /studio redirects there).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Tests build into their own folder so they never clobber the build `npm start` serves.
  distDir: process.env.PARLEY_NEXT_DIST_DIR || '.next',
  // shiki loads its grammars at run time; bundling it gains nothing and slows the build.
  serverExternalPackages: ['shiki'],
  // `npm run typecheck` checks the whole project (lake, scripts, tests too); the site's build must not fail or
  // wait on type errors in code it does not contain.
  typescript: { ignoreBuildErrors: true },
  // The one stylesheet is small (~3 KiB gzipped): inlined into the HTML it costs no render-blocking round trip before
  // the first paint (Lighthouse's render-blocking audit, FCP and LCP on mobile). Client navigations still load it as a file.
  experimental: { inlineCss: true },
}
export default nextConfig
