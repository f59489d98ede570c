// /series: every series and how many interviews it has.
import type { Metadata } from 'next'
import { getDirectory } from '../../lib/content/index.ts'
import { DirectoryList } from '../_components/directory-list.tsx'

export const revalidate = 3600
export const metadata: Metadata = { title: 'Series', alternates: { canonical: '/series' } }

export default async function SeriesIndexPage() {
  const { series } = await getDirectory()
  return (
    <div className="page">
      <h1 className="page-title">Series</h1>
      <DirectoryList
        basePath="/series"
        entries={series.map((entry) => ({ ...entry, label: entry.title, detail: entry.description }))}
      />
    </div>
  )
}
