// A series page: its interviews in part order.
import { stegaClean } from '@sanity/client/stega'
import type { Metadata } from 'next'
import { getSeries, listDirectorySlugs } from '../../../lib/content/index.ts'
import { CollectionPage } from '../../_components/collection-page.tsx'
import { staticParamsOrNone } from '../../../lib/content/static-params.ts'
import { NotFoundAnswer } from '../../_components/not-found-answer.tsx'

export const revalidate = 3600

type Props = { params: Promise<{ slug: string }> }

export async function generateStaticParams() {
  return staticParamsOrNone('series', async () => (await listDirectorySlugs()).series.map(({ slug }) => ({ slug })))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const series = stegaClean(await getSeries((await params).slug))
  if (!series) return { title: 'Series not found', robots: { index: false } }
  return {
    title: series.title,
    ...(series.description ? { description: series.description } : {}),
    alternates: { canonical: `/series/${series.slug}` },
  }
}

export default async function SeriesPage({ params }: Props) {
  const series = await getSeries((await params).slug)
  if (!series) return <NotFoundAnswer />
  return <CollectionPage kind="Series" collection={series} />
}
