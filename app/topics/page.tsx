// /topics: every topic and how many interviews it has.
import type { Metadata } from 'next'
import { getDirectory } from '../../lib/content/index.ts'
import { DirectoryList } from '../_components/directory-list.tsx'

export const revalidate = 3600
export const metadata: Metadata = { title: 'Topics', alternates: { canonical: '/topics' } }

export default async function TopicsPage() {
  const { topics } = await getDirectory()
  return (
    <div className="page">
      <h1 className="page-title">Topics</h1>
      <DirectoryList
        basePath="/topics"
        entries={topics.map((topic) => ({ ...topic, label: topic.title, detail: topic.description }))}
      />
    </div>
  )
}
