// One question and its answer: the unit an interview is made of.
import { defineField, defineType } from '@sanity/types'
import { CommentIcon } from '@sanity/icons/Comment'

type PortableTextBlock = { _type: string; children?: { text?: string }[] }

function plainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return (blocks as PortableTextBlock[])
    .filter((block) => block._type === 'block')
    .map((block) => (block.children ?? []).map((child) => child.text ?? '').join(''))
    .join(' ')
}

export const qaBlock = defineType({
  name: 'qaBlock',
  title: 'Question and answer',
  type: 'object',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'question',
      title: 'Question',
      type: 'text',
      rows: 2,
      description: 'As the interviewer asked it. Keep it short; the answer carries the story.',
      validation: (rule) => [
        rule.required().error('Every Q&A block needs a question: write it, or remove the block.'),
        rule.custom((question: string | undefined) =>
          question === undefined || question.trim().length > 0
            ? true
            : 'The question is only spaces: write the question, or remove the block.',
        ),
        rule.max(300).warning('Long questions are hard to scan: try to keep questions under 300 characters.'),
      ],
    }),
    defineField({
      name: 'answer',
      title: 'Answer',
      type: 'richText',
      description: 'Use sub-headings for long answers, a pull quote for the line readers should remember.',
      validation: (rule) =>
        rule.custom((answer: unknown) =>
          plainText(answer).trim().length > 0 ||
          (Array.isArray(answer) && answer.some((block: { _type?: string }) => block._type !== 'block'))
            ? true
            : 'The answer is empty: write the answer, or remove this Q&A block.',
        ),
    }),
  ],
  preview: {
    select: { question: 'question', answer: 'answer' },
    prepare({ question, answer }) {
      const text = plainText(answer)
      return {
        title: question?.trim() ? question : 'Question missing',
        subtitle: text ? (text.length > 90 ? `${text.slice(0, 90)}…` : text) : 'No answer yet',
      }
    },
  },
})
