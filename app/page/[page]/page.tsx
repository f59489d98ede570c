// Older pages of the interview index: /page/2, /page/3, …
import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { getSiteSettings, listInterviews } from '../../../lib/content/index.ts'
import { InterviewIndex } from '../../_components/interview-index.tsx'
import { staticParamsOrNone } from '../../../lib/content/static-params.ts'

export const revalidate = 3600

type Props = { params: Promise<{ page: string }> }

function pageNumber(raw: string): number | undefined {
  return /^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : undefined
}

export async function generateStaticParams() {
  return staticParamsOrNone('index pages', async () => {
    const { pageCount } = await listInterviews(1)
    return Array.from({ length: Math.max(0, pageCount - 1) }, (_, index) => ({ page: String(index + 2) }))
  })
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params
  return { title: `Interviews, page ${page}`, alternates: { canonical: `/page/${page}` } }
}

export default async function IndexPage({ params }: Props) {
  const page = pageNumber((await params).page)
  if (page === undefined) notFound()
  if (page === 1) permanentRedirect('/')
  const [settings, latest] = await Promise.all([getSiteSettings(), listInterviews(page)])
  if (page > latest.pageCount) notFound()
  return <InterviewIndex title={settings.title} description={settings.description} featured={[]} latest={latest} />
}
