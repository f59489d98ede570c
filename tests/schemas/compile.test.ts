// The content model compiles in the Studio's own schema validation with no errors and no warnings.
import { describe, expect, test } from '@jest/globals'
import { createSchema } from 'sanity'
import { schemaTypes } from '../../schemas/index.ts'

type Problem = { severity: 'error' | 'warning'; message: string }
type ProblemGroup = { path: { kind: string; name?: string; type?: string }[]; problems: Problem[] }

function describeProblems(groups: ProblemGroup[]): string[] {
  return groups.flatMap((group) =>
    group.problems.map(
      (problem) =>
        `${problem.severity} at ${group.path.map((segment) => segment.name ?? segment.type).join(' › ')}: ${problem.message}`,
    ),
  )
}

describe('the Parley schema', () => {
  const schema = createSchema({ name: 'parley', types: schemaTypes }) as ReturnType<typeof createSchema> & {
    _validation: ProblemGroup[]
  }

  test('compiles with no errors and no warnings', () => {
    expect(describeProblems(schema._validation)).toEqual([])
  })

  test('the same check reports a broken type, so a clean result means something', () => {
    const broken = createSchema({
      name: 'broken',
      types: [
        ...schemaTypes,
        { name: 'orphan', type: 'document', fields: [{ name: 'author', type: 'reference', to: [{ type: 'nobody' }] }] },
      ],
    }) as unknown as { _validation: ProblemGroup[] }
    expect(describeProblems(broken._validation).join('\n')).toMatch(/nobody/)
  })

  test('defines every type of the content model', () => {
    for (const name of [
      'interview',
      'person',
      'topic',
      'series',
      'siteSettings',
      'qaBlock',
      'richText',
      'codeBlock',
      'seo',
      'callToAction',
    ]) {
      expect(schema.get(name)?.name).toBe(name)
    }
  })

  test('keeps the field names the site and the lake rely on', () => {
    const fieldNames = (type: string) =>
      (schema.get(type) as { fields: { name: string }[] }).fields.map((field) => field.name)
    expect(fieldNames('interview')).toEqual(
      expect.arrayContaining([
        'title',
        'slug',
        'standfirst',
        'speaker',
        'interviewer',
        'coverImage',
        'qa',
        'topics',
        'series',
        'seriesPart',
        'publishedAt',
        'featured',
        'seo',
        'callToAction',
        'canonicalUrl',
        'schedule',
      ]),
    )
    expect(fieldNames('person')).toEqual(
      expect.arrayContaining(['name', 'slug', 'role', 'team', 'company', 'photo', 'bio', 'links']),
    )
    expect(fieldNames('qaBlock')).toEqual(['question', 'answer'])
    expect(fieldNames('siteSettings')).toEqual(['title', 'description', 'navigation', 'careersUrl'])
    expect(fieldNames('schedule')).toEqual(['publishAt', 'scheduledBy', 'scheduledAt', 'status', 'error'])
  })
})
