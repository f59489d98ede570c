// /speakers: everyone who gave or conducted an interview.
import type { Metadata } from 'next'
import { getDirectory } from '../../lib/content/index.ts'
import { DirectoryList } from '../_components/directory-list.tsx'

export const revalidate = 3600
export const metadata: Metadata = { title: 'Speakers', alternates: { canonical: '/speakers' } }

export default async function SpeakersPage() {
  const { speakers } = await getDirectory()
  return (
    <div className="page">
      <h1 className="page-title">Speakers</h1>
      <DirectoryList
        basePath="/speakers"
        entries={speakers.map((person) => ({
          ...person,
          label: person.name,
          detail: [person.role, person.team, person.company].filter(Boolean).join(' · ') || undefined,
        }))}
      />
    </div>
  )
}
