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
}
export default nextConfig
