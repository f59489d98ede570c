// Next.js configuration: the reader site and the Studio at /studio.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
}
export default nextConfig
