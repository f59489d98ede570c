// Who is speaking: portrait, name, role, team and company, linking to the speaker's page.
import Link from 'next/link'
import type { PersonCard } from '../../lib/content/schemas.ts'
import { SanityImage } from './sanity-image.tsx'

export function SpeakerCard({ person, label = 'In conversation with' }: { person: PersonCard; label?: string }) {
  const affiliation = [person.team, person.company].filter(Boolean).join(', ')
  return (
    <aside className="speaker-card" aria-label={`${label} ${person.name}`}>
      {person.photo && (
        <SanityImage
          image={person.photo}
          sizes="72px"
          maxWidth={72}
          aspect={1}
          className="speaker-card__photo"
          decorative
          placeholder={false}
        />
      )}
      <div>
        <p className="speaker-card__label">{label}</p>
        <p className="speaker-card__name">
          <Link href={`/speakers/${person.slug}`}>{person.name}</Link>
        </p>
        {person.role && <p className="speaker-card__role">{person.role}</p>}
        {affiliation && <p className="speaker-card__affiliation">{affiliation}</p>}
      </div>
    </aside>
  )
}
