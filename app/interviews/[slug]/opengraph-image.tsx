// The social card for an interview (Open Graph and Twitter): portrait, name, role and a quote, in the site's own fonts.
import { stegaClean } from '@sanity/client/stega'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ImageResponse } from 'next/og'
import { getInterview } from '../../../lib/content/index.ts'
import { socialQuote } from '../../../lib/content/pull-quote.ts'
import { imageUrl } from '../../../lib/sanity/image.ts'

export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'
export const alt = 'The interview’s speaker, with a quote from the interview'
export const revalidate = 3600

// satori reads woff (not woff2), which @fontsource ships next to the woff2 files the pages use.
const fontFile = (name: string) => readFile(join(process.cwd(), 'node_modules/@fontsource', name))

/**
 * The portrait as a data URL. A missing image leaves it out; an asset server that is down fails the card instead, so
 * a card without its portrait is never cached for an hour (the failed render is not cached; the next request tries again).
 */
async function portraitDataUrl(url: string | undefined): Promise<string | undefined> {
  if (!url) return undefined
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
  if (response.status >= 500) throw new Error(`The portrait could not be fetched (${response.status})`)
  if (!response.ok) return undefined
  const bytes = Buffer.from(await response.arrayBuffer())
  return `data:${response.headers.get('content-type') || 'image/jpeg'};base64,${bytes.toString('base64')}`
}

export default async function SocialImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params
  const [interview, serif, sansBold, sans] = await Promise.all([
    getInterview(slug).then(stegaClean),
    fontFile('source-serif-4/files/source-serif-4-latin-600-normal.woff'),
    fontFile('inter/files/inter-latin-700-normal.woff'),
    fontFile('inter/files/inter-latin-400-normal.woff'),
  ])
  const speaker = interview?.speaker
  const photo = speaker?.photo ?? interview?.coverImage
  const portrait = await portraitDataUrl(photo ? imageUrl(photo, 360, 360) : undefined)
  const quote = interview ? socialQuote(interview) : undefined
  const role = [speaker?.role, speaker?.company].filter(Boolean).join(', ')

  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        background: '#fbfaf7',
        color: '#1d1c1a',
        padding: 72,
        fontFamily: 'Inter',
      }}
    >
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          flex: 1,
          paddingRight: portrait ? 56 : 0,
        }}
      >
        <div style={{ display: 'flex', fontSize: 28, fontWeight: 700, color: '#a2361f' }}>Parley</div>
        <div
          style={{
            display: 'flex',
            fontFamily: 'Source Serif',
            fontSize: quote && quote.length > 110 ? 44 : 54,
            lineHeight: 1.2,
          }}
        >
          {quote ? `“${quote}”` : (interview?.title ?? 'Parley')}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          <div style={{ fontSize: 34, fontWeight: 700 }}>{speaker?.name ?? interview?.title ?? ''}</div>
          {role && <div style={{ fontSize: 26, color: '#5b5852', marginTop: 6 }}>{role}</div>}
        </div>
      </div>
      {portrait && (
        <img
          src={portrait}
          width={360}
          height={360}
          alt=""
          style={{ borderRadius: 180, alignSelf: 'center', objectFit: 'cover' }}
        />
      )}
    </div>,
    {
      ...size,
      fonts: [
        { name: 'Source Serif', data: serif, weight: 600, style: 'normal' },
        { name: 'Inter', data: sansBold, weight: 700, style: 'normal' },
        { name: 'Inter', data: sans, weight: 400, style: 'normal' },
      ],
    },
  )
}
