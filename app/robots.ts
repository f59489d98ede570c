// /robots.txt: everything readers see may be indexed; the API routes and the Studio redirect may not.
import type { MetadataRoute } from 'next'
import { siteUrl } from '../lib/site-url.ts'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/studio', '/search'] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  }
}
