// The root layout: fonts, the one stylesheet, masthead and footer; in draft mode only, the banner and the editing tools.
import { stegaClean } from '@sanity/client/stega'
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { preconnect } from 'react-dom'
import { getSiteSettings } from '../lib/content/index.ts'
import { isDraftMode } from '../lib/content/fetch.ts'
import { imageBaseUrl } from '../lib/sanity/config.ts'
import { siteUrl } from '../lib/site-url.ts'
import { DraftBanner } from './_components/draft-banner.tsx'
import { SiteFooter } from './_components/site-footer.tsx'
import { SiteHeader } from './_components/site-header.tsx'
import { sans, serif } from './fonts.ts'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const settings = stegaClean(await getSiteSettings())
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: settings.title, template: `%s · ${settings.title}` },
    description: settings.description,
    alternates: {
      types: {
        'application/rss+xml': [{ url: '/feed.xml', title: `${settings.title} (RSS)` }],
        'application/atom+xml': [{ url: '/atom.xml', title: `${settings.title} (Atom)` }],
        'application/feed+json': [{ url: '/feed.json', title: `${settings.title} (JSON Feed)` }],
      },
    },
    openGraph: { siteName: settings.title, type: 'website' },
  }
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#151412' },
  ],
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [settings, draft] = await Promise.all([getSiteSettings(), isDraftMode()])
  // Images come from the content store's image origin (the lake, or Sanity's CDN): opening that connection while the
  // HTML still streams takes its handshake off the first image's path.
  preconnect(imageBaseUrl())
  return (
    <html lang="en" className={`${sans.variable} ${serif.variable}`}>
      <body>
        {draft && <DraftBanner />}
        <SiteHeader settings={settings} />
        <main id="main">{children}</main>
        <SiteFooter settings={settings} />
      </body>
    </html>
  )
}
