// A small, realistic set of documents for the site's tests: people, topics, a series, interviews with rich answers, a draft.
import sharp from 'sharp'
import type { SanityClient } from '@sanity/client'

const block = (
  key: string,
  text: string,
  options: { style?: string; listItem?: string; marks?: string[]; markDefs?: unknown[] } = {},
) => ({
  _type: 'block',
  _key: key,
  style: options.style ?? 'normal',
  ...(options.listItem ? { listItem: options.listItem, level: 1 } : {}),
  markDefs: options.markDefs ?? [],
  children: [{ _type: 'span', _key: `${key}-s`, text, marks: options.marks ?? [] }],
})

export const sample = {
  interviewSlug: 'building-the-graph',
  secondSlug: 'on-call-without-tears',
  speakerSlug: 'ada-okafor',
  topicSlug: 'databases',
  seriesSlug: 'platform-voices',
  draftOnlySlug: 'secret-draft-interview',
  draftTitleMarker: 'UNPUBLISHED-DRAFT-MARKER',
}

/** A real PNG (a gradient) uploaded through the asset API, so images have an lqip and dimensions. */
async function uploadPortrait(client: SanityClient): Promise<string> {
  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 200, g: 120, b: 80 } } })
    .png()
    .toBuffer()
  const asset = await client.assets.upload('image', png, { filename: 'portrait.png' })
  return asset._id
}

export async function seedSampleContent(client: SanityClient): Promise<{ imageAssetId: string }> {
  const imageAssetId = await uploadPortrait(client)
  const image = (alt: string) => ({ _type: 'image', asset: { _type: 'reference', _ref: imageAssetId }, alt })
  const transaction = client.transaction()
  transaction.createOrReplace({
    _id: 'siteSettings',
    _type: 'siteSettings',
    title: 'Parley Test',
    description: 'Interviews with engineers, for tests.',
    navigation: [{ _key: 'n1', label: 'About', href: '/speakers/ada-okafor' }],
  })
  transaction.createOrReplace({
    _id: 'person-ada',
    _type: 'person',
    name: 'Ada Okafor',
    slug: { _type: 'slug', current: sample.speakerSlug },
    role: 'Staff Engineer',
    team: 'Storage',
    company: 'Parley',
    photo: image('Ada Okafor smiling'),
    bio: 'Ada builds storage engines.',
  })
  transaction.createOrReplace({
    _id: 'person-ivan',
    _type: 'person',
    name: 'Ivan Interviewer',
    slug: { _type: 'slug', current: 'ivan-interviewer' },
    role: 'Editor',
  })
  transaction.createOrReplace({
    _id: 'topic-databases',
    _type: 'topic',
    title: 'Databases',
    slug: { _type: 'slug', current: sample.topicSlug },
    description: 'Storage, queries and indexes.',
  })
  transaction.createOrReplace({
    _id: 'series-platform',
    _type: 'series',
    title: 'Platform Voices',
    slug: { _type: 'slug', current: sample.seriesSlug },
  })
  transaction.createOrReplace({
    _id: 'interview-graph',
    _type: 'interview',
    title: 'Building the graph',
    slug: { _type: 'slug', current: sample.interviewSlug },
    standfirst: 'How a small team rebuilt the content graph.',
    speaker: { _type: 'reference', _ref: 'person-ada' },
    interviewer: { _type: 'reference', _ref: 'person-ivan' },
    coverImage: image('A gradient standing in for a photo'),
    topics: [{ _type: 'reference', _ref: 'topic-databases', _key: 't1' }],
    series: { _type: 'reference', _ref: 'series-platform' },
    seriesPart: 1,
    publishedAt: '2026-11-01T09:00:00Z',
    featured: true,
    qa: [
      {
        _type: 'qaBlock',
        _key: 'q1',
        question: 'Why rebuild the graph?',
        answer: [
          block('a1', 'Because the old one could not keep up with writes.'),
          block('a2', 'What we measured', { style: 'h3' }),
          block('a3', 'Latency of joins', { listItem: 'bullet' }),
          block('a4', 'Cost per query', { listItem: 'bullet' }),
          block('a5', 'Indexes are a promise to your future self.', { style: 'blockquote' }),
          block('a6', 'Read the design doc', {
            marks: ['lnk'],
            markDefs: [{ _type: 'link', _key: 'lnk', href: 'https://example.com/design' }],
          }),
        ],
      },
      {
        _type: 'qaBlock',
        _key: 'q2',
        question: 'What does the code look like?',
        answer: [
          {
            _type: 'codeBlock',
            _key: 'c1',
            language: 'ts',
            filename: 'graph.ts',
            code: 'export const answer: number = 42',
          },
          {
            _type: 'image',
            _key: 'i1',
            asset: { _type: 'reference', _ref: imageAssetId },
            alt: 'A diagram of the graph',
            caption: 'The graph, drawn',
          },
        ],
      },
    ],
  })
  transaction.createOrReplace({
    _id: 'interview-oncall',
    _type: 'interview',
    title: 'On call without tears',
    slug: { _type: 'slug', current: sample.secondSlug },
    speaker: { _type: 'reference', _ref: 'person-ada' },
    topics: [{ _type: 'reference', _ref: 'topic-databases', _key: 't1' }],
    publishedAt: '2026-10-01T09:00:00Z',
    qa: [{ _type: 'qaBlock', _key: 'q1', question: 'How do you sleep?', answer: [block('a1', 'With good runbooks.')] }],
  })
  // A draft edit of a published interview and a never-published draft: neither may reach a reader.
  transaction.createOrReplace({
    _id: 'drafts.interview-oncall',
    _type: 'interview',
    title: `On call ${sample.draftTitleMarker}`,
    slug: { _type: 'slug', current: sample.secondSlug },
    speaker: { _type: 'reference', _ref: 'person-ada' },
    publishedAt: '2026-10-01T09:00:00Z',
    qa: [
      {
        _type: 'qaBlock',
        _key: 'q1',
        question: `Draft question ${sample.draftTitleMarker}`,
        answer: [block('a1', `Draft answer ${sample.draftTitleMarker}`)],
      },
    ],
  })
  transaction.createOrReplace({
    _id: 'drafts.interview-secret',
    _type: 'interview',
    title: `Secret ${sample.draftTitleMarker}`,
    slug: { _type: 'slug', current: sample.draftOnlySlug },
    speaker: { _type: 'reference', _ref: 'person-ada' },
    qa: [{ _type: 'qaBlock', _key: 'q1', question: 'Hidden?', answer: [block('a1', sample.draftTitleMarker)] }],
  })
  await transaction.commit()
  return { imageAssetId }
}
