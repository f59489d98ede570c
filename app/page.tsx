// The home page: featured interviews and the first page of the latest.
import { getSiteSettings, listFeaturedInterviews, listInterviews } from '../lib/content/index.ts'
import { InterviewIndex } from './_components/interview-index.tsx'

export const revalidate = 3600

export default async function HomePage() {
  const [settings, featured, latest] = await Promise.all([
    getSiteSettings(),
    listFeaturedInterviews(),
    listInterviews(1),
  ])
  return (
    <InterviewIndex title={settings.title} description={settings.description} featured={featured} latest={latest} />
  )
}
