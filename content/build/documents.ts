// Builds the sample dataset's documents from content/source, in Sanity's export form (assets as `_sanityAsset` pointers).
import { createHash } from 'node:crypto'
import { interviews, people, series, siteSettings, topics } from '../source/index.ts'
import type { InterviewSource } from '../source/types.ts'
import type { AssetCollection } from './assetCollection.ts'
import { drawCover, drawDiagram, drawPortrait } from './artwork.ts'
import { markupToPortableText } from './portableText.ts'

export type ExportDocument = { _id: string; _type: string; [field: string]: unknown }

export const documentIds = {
  person: (slug: string) => `person-${slug}`,
  topic: (slug: string) => `topic-${slug}`,
  series: (slug: string) => `series-${slug}`,
  interview: (slug: string) => `interview-${slug}`,
}

/** Stable `_key`s: the same source always yields the same keys, so regenerated exports diff cleanly. */
function keyMaker(scope: string): () => string {
  let counter = 0
  return () =>
    createHash('sha1')
      .update(`${scope}:${(counter += 1)}`)
      .digest('hex')
      .slice(0, 12)
}

const reference = (id: string, key?: string) => ({ _type: 'reference', _ref: id, ...(key ? { _key: key } : {}) })

function systemFields(id: string, at: string) {
  return { _createdAt: at, _updatedAt: at, _rev: createHash('sha1').update(id).digest('hex').slice(0, 22) }
}

function checkReferences(interview: InterviewSource): void {
  const known = {
    person: new Set(people.map((p) => p.slug)),
    topic: new Set(topics.map((t) => t.slug)),
    series: new Set(series.map((s) => s.slug)),
  }
  const missing = [
    ...[interview.speaker, interview.interviewer]
      .filter((slug): slug is string => !!slug && !known.person.has(slug))
      .map((slug) => `person "${slug}"`),
    ...interview.topics.filter((slug) => !known.topic.has(slug)).map((slug) => `topic "${slug}"`),
    ...(interview.series && !known.series.has(interview.series.slug) ? [`series "${interview.series.slug}"`] : []),
  ]
  if (missing.length > 0)
    throw new Error(`content/source/interviews/${interview.slug}.ts refers to unknown ${missing.join(', ')}`)
}

export async function buildDocuments(assets: AssetCollection): Promise<ExportDocument[]> {
  const createdAt = '2026-08-01T09:00:00.000Z'
  const documents: ExportDocument[] = [
    {
      _id: 'siteSettings',
      _type: 'siteSettings',
      ...systemFields('siteSettings', createdAt),
      ...siteSettings,
      navigation: siteSettings.navigation.map((item, index) => ({
        _type: 'navigationItem',
        _key: `nav${index}`,
        ...item,
      })),
    },
  ]

  for (const topic of topics) {
    documents.push({
      _id: documentIds.topic(topic.slug),
      _type: 'topic',
      ...systemFields(topic.slug, createdAt),
      title: topic.title,
      slug: { _type: 'slug', current: topic.slug },
      description: topic.description,
    })
  }
  for (const entry of series) {
    documents.push({
      _id: documentIds.series(entry.slug),
      _type: 'series',
      ...systemFields(entry.slug, createdAt),
      title: entry.title,
      slug: { _type: 'slug', current: entry.slug },
      description: entry.description,
    })
  }
  for (const person of people) {
    const photo = await assets.addImage(await drawPortrait(person.portrait, person.name), `portrait-${person.slug}.jpg`)
    documents.push({
      _id: documentIds.person(person.slug),
      _type: 'person',
      ...systemFields(person.slug, createdAt),
      name: person.name,
      slug: { _type: 'slug', current: person.slug },
      role: person.role,
      ...(person.team ? { team: person.team } : {}),
      company: person.company,
      photo: { _type: 'image', _sanityAsset: photo, alt: person.portrait.alt },
      bio: person.bio,
      links: (person.links ?? []).map((link, index) => ({ _type: 'externalLink', _key: `link${index}`, ...link })),
    })
  }

  for (const interview of interviews) {
    checkReferences(interview)
    const id = documentIds.interview(interview.slug)
    const nextKey = keyMaker(id)
    const diagramPointers = new Map<string, string>()
    for (const [name, diagram] of Object.entries(interview.diagrams))
      diagramPointers.set(name, await assets.addImage(await drawDiagram(diagram), `${interview.slug}-${name}.jpg`))
    const image = (name: string) => {
      const diagram = interview.diagrams[name]
      const pointer = diagramPointers.get(name)
      if (!diagram || !pointer)
        throw new Error(
          `content/source/interviews/${interview.slug}.ts uses ![${name}] but defines no diagram "${name}"`,
        )
      return { _type: 'image' as const, _sanityAsset: pointer, alt: diagram.alt, caption: diagram.caption }
    }
    const cover = await assets.addImage(await drawCover(interview.cover, interview.slug), `cover-${interview.slug}.jpg`)
    documents.push({
      _id: id,
      _type: 'interview',
      ...systemFields(id, interview.publishedAt),
      title: interview.title,
      slug: { _type: 'slug', current: interview.slug },
      standfirst: interview.standfirst,
      speaker: reference(documentIds.person(interview.speaker)),
      ...(interview.interviewer ? { interviewer: reference(documentIds.person(interview.interviewer)) } : {}),
      coverImage: {
        _type: 'image',
        _sanityAsset: cover,
        alt: interview.cover.alt,
        ...(interview.cover.caption ? { caption: interview.cover.caption } : {}),
      },
      qa: interview.qa.map((block) => ({
        _type: 'qaBlock',
        _key: nextKey(),
        question: block.question,
        answer: markupToPortableText(block.answer, { nextKey, image }),
      })),
      topics: interview.topics.map((slug) => reference(documentIds.topic(slug), nextKey())),
      ...(interview.series
        ? { series: reference(documentIds.series(interview.series.slug)), seriesPart: interview.series.part }
        : {}),
      publishedAt: interview.publishedAt,
      featured: interview.featured ?? false,
      ...(interview.seo ? { seo: { _type: 'seo', ...interview.seo } } : {}),
      ...(interview.callToAction ? { callToAction: { _type: 'callToAction', ...interview.callToAction } } : {}),
    })
  }
  return documents
}
