// Next.js configuration for the reader site (the Studio is served by the lake, /studio redirects there).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // shiki loads its grammars at run time; bundling it gains nothing and slows the build.
  serverExternalPackages: ['shiki'],
  images: { unoptimized: true },
}
export default nextConfig
