// A topic or a series: its title, description and interviews.
import type { Collection } from '../../lib/content/index.ts'
import { InterviewList } from './interview-card.tsx'

export function CollectionPage({ kind, collection }: { kind: string; collection: Collection }) {
  return (
    <div className="page">
      <p className="section-title">{kind}</p>
      <h1 className="page-title">{collection.title}</h1>
      {collection.description && <p className="lede">{collection.description}</p>}
      <h2 className="visually-hidden">Interviews</h2>
      <InterviewList interviews={collection.interviews} headingLevel="h3" />
    </div>
  )
}
