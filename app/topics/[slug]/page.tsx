// A topic page: every interview tagged with the topic, newest first.
import { stegaClean } from '@sanity/client/stega'
import type { Metadata } from 'next'
import { getTopic, listDirectorySlugs } from '../../../lib/content/index.ts'
import { CollectionPage } from '../../_components/collection-page.tsx'
import { staticParamsOrNone } from '../../../lib/content/static-params.ts'
import { NotFoundAnswer } from '../../_components/not-found-answer.tsx'

export const revalidate = 3600

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return staticParamsOrNone('topics', async () => (await listDirectorySlugs()).topics.map(({ slug }) => ({ slug })))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = stegaClean(await getTopic((await params).slug))
  if (!topic) return { title: 'Topic not found', robots: { index: false } }
  return {
    title: `Interviews about ${topic.title}`,
    ...(topic.description ? { description: topic.description } : {}),
    alternates: { canonical: `/topics/${topic.slug}` },
  }
}

export default async function TopicPage({ params }: Props) {
  const topic = await getTopic((await params).slug)
  if (!topic) return <NotFoundAnswer />
  return <CollectionPage kind="Topic" collection={topic} />
}
