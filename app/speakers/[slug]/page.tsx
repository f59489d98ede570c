// A speaker's page: who they are and every interview they gave or conducted.
import { stegaClean } from '@sanity/client/stega'
import type { Metadata } from 'next'
import { getSpeaker, listDirectorySlugs } from '../../../lib/content/index.ts'
import { InterviewList } from '../../_components/interview-card.tsx'
import { safeHref } from '../../../lib/content/safe-href.ts'
import { SanityImage } from '../../_components/sanity-image.tsx'
import { staticParamsOrNone } from '../../../lib/content/static-params.ts'
import { NotFoundAnswer } from '../../_components/not-found-answer.tsx'

export const revalidate = 3600

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return staticParamsOrNone('speakers', async () => (await listDirectorySlugs()).speakers.map(({ slug }) => ({ slug })))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const speaker = stegaClean(await getSpeaker((await params).slug))
  if (!speaker) return { title: 'Speaker not found', robots: { index: false } }
  const description = speaker.bio || [speaker.role, speaker.company].filter(Boolean).join(', ') || undefined
  return {
    title: speaker.name,
    ...(description ? { description } : {}),
    alternates: { canonical: `/speakers/${speaker.slug}` },
    openGraph: { type: 'profile', title: speaker.name },
  }
}

export default async function SpeakerPage({ params }: Props) {
  const speaker = await getSpeaker((await params).slug)
  if (!speaker) return <NotFoundAnswer />
  const affiliation = [speaker.role, speaker.team, speaker.company].filter(Boolean).join(' · ')
  return (
    <div className="page">
      <header className="person-header">
        {/* Not `priority`: fetched first, at high priority, this 120 px portrait held the first paint back on a slow
            phone. Lazily loaded, the text paints first and the portrait, though in view, follows right after layout over
            the connection the layout's preconnect opened (Lighthouse mobile LCP 2.3 s; 2.5 s with priority, 2.9 s
            without the preconnect). */}
        {speaker.photo && <SanityImage image={speaker.photo} sizes="120px" maxWidth={120} aspect={1} />}
        <div>
          <h1 className="page-title">{speaker.name}</h1>
          {affiliation && <p className="interview-meta">{affiliation}</p>}
        </div>
      </header>
      {speaker.bio && <p className="lede speaker-bio">{speaker.bio}</p>}
      {speaker.links.length > 0 && (
        <ul className="person-links" aria-label={`${speaker.name} elsewhere`}>
          {speaker.links.map((link) => {
            const href = safeHref(link.url)
            return href ? (
              <li key={href}>
                <a href={href} rel="noopener noreferrer">
                  {link.label}
                </a>
              </li>
            ) : null
          })}
        </ul>
      )}
      <h2 className="section-title">Interviews</h2>
      <InterviewList interviews={speaker.interviews} headingLevel="h3" />
    </div>
  )
}
