// Draft interviews for the newsletter's tests, published through the Actions API as the Studio and the scheduler do.
import type { SanityClient } from '@sanity/client'

export type DraftInterview = { id: string; slug: string; title: string }

export async function draftInterview(
  editor: SanityClient,
  word: string,
  publishedAt?: string,
): Promise<DraftInterview> {
  const interview = {
    id: `interview-${word.toLowerCase()}`,
    slug: `${word.toLowerCase()}-notes`,
    title: `${word} notes`,
  }
  await editor.create({
    _id: `drafts.${interview.id}`,
    _type: 'interview',
    title: interview.title,
    slug: { _type: 'slug', current: interview.slug },
    standfirst: `What the ${word} team learned.`,
    speaker: { _type: 'reference', _ref: 'person-ada' },
    ...(publishedAt ? { publishedAt } : {}),
    qa: [
      {
        _type: 'qaBlock',
        _key: 'q1',
        question: 'What changed?',
        answer: [
          {
            _type: 'block',
            _key: 'a1',
            style: 'normal',
            markDefs: [],
            children: [{ _type: 'span', _key: 's1', text: `The ${word} engine.`, marks: [] }],
          },
        ],
      },
    ],
  })
  return interview
}

export async function publish(editor: SanityClient, id: string): Promise<void> {
  await editor.action({ actionType: 'sanity.action.document.publish', draftId: `drafts.${id}`, publishedId: id })
}
