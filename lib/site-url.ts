// The site's public origin for canonical URLs, feeds and the sitemap.

/** SITE_URL when deployed; the local server otherwise. */
export function siteUrl(): string {
  const configured = process.env.SITE_URL || process.env.NEXT_PUBLIC_SITE_URL
  return (configured || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '')
}
