// An interview: a speaker, an optional interviewer, and the questions and answers that make the story.
import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { MicrophoneIcon } from '@sanity/icons/Microphone'
import { accessibleImage } from '../objects/accessibleImage.ts'
import { slugField } from '../rules/slugField.ts'

export const interview = defineType({
  name: 'interview',
  title: 'Interview',
  type: 'document',
  icon: MicrophoneIcon,
  groups: [
    { name: 'story', title: 'Story', default: true },
    { name: 'people', title: 'People' },
    { name: 'media', title: 'Cover' },
    { name: 'publishing', title: 'Publishing' },
    { name: 'seo', title: 'SEO and social' },
  ],
  fieldsets: [{ name: 'seriesPlacement', title: 'Series', options: { columns: 2 } }],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'story',
      description: 'The headline. Say what the reader learns, not only who speaks.',
      validation: (rule) => [
        rule.required().error('An interview needs a title.'),
        rule.max(120).warning('Titles over 120 characters wrap badly on cards and in feeds.'),
      ],
    }),
    slugField({
      source: 'title',
      group: 'story',
      description: 'The address of the interview: /interviews/<slug>. Keep it stable once published.',
    }),
    defineField({
      name: 'standfirst',
      title: 'Standfirst',
      type: 'text',
      rows: 3,
      group: 'story',
      description:
        'Two or three sentences under the title: who, what, why it matters. Also the default search description and feed summary.',
      validation: (rule) => [
        rule
          .required()
          .error('Write a standfirst: readers see it on the index and in feeds before they decide to read.'),
        rule.max(400).warning('Keep the standfirst under 400 characters; the rest belongs in the interview.'),
      ],
    }),
    defineField({
      name: 'qa',
      title: 'Questions and answers',
      type: 'array',
      group: 'story',
      of: [defineArrayMember({ type: 'qaBlock' })],
      validation: (rule) => rule.required().min(1).error('An interview needs at least one question and answer.'),
    }),
    defineField({
      name: 'speaker',
      title: 'Speaker',
      type: 'reference',
      to: [{ type: 'person' }],
      group: 'people',
      description: 'The person interviewed. Their name, role and photo appear with the interview.',
      validation: (rule) => rule.required().error('Choose the speaker (or create them with "Create new").'),
    }),
    defineField({
      name: 'interviewer',
      title: 'Interviewer',
      type: 'reference',
      to: [{ type: 'person' }],
      group: 'people',
      description: 'Who asked the questions. Optional.',
      validation: (rule) =>
        rule.custom((interviewer: { _ref?: string } | undefined, context) => {
          const speaker = (context.document as { speaker?: { _ref?: string } } | undefined)?.speaker
          return interviewer?._ref && interviewer._ref === speaker?._ref
            ? 'The interviewer and the speaker are the same person: choose someone else or leave the interviewer empty.'
            : true
        }),
    }),
    accessibleImage({
      name: 'coverImage',
      title: 'Cover image',
      group: 'media',
      description:
        'Shown at the top of the interview, on cards and as the default social image. Landscape, at least 1600 px wide.',
      required: 'Add a cover image: it is used on the index, the speaker page and link previews.',
    }),
    defineField({
      name: 'topics',
      title: 'Topics',
      type: 'array',
      group: 'publishing',
      of: [defineArrayMember({ type: 'reference', to: [{ type: 'topic' }] })],
      description: 'One to three topics readers would browse for.',
      validation: (rule) => [
        rule.unique().error('A topic is listed twice: remove the duplicate.'),
        rule.max(5).warning('More than five topics dilutes the topic pages.'),
      ],
    }),
    defineField({
      name: 'series',
      title: 'Series',
      type: 'reference',
      to: [{ type: 'series' }],
      group: 'publishing',
      fieldset: 'seriesPlacement',
    }),
    defineField({
      name: 'seriesPart',
      title: 'Part',
      type: 'number',
      group: 'publishing',
      fieldset: 'seriesPlacement',
      description: 'Position within the series (1, 2, 3…).',
      validation: (rule) => [
        rule.integer().min(1).error('The part must be a whole number from 1.'),
        rule.custom((part: number | undefined, context) => {
          const series = (context.document as { series?: { _ref?: string } } | undefined)?.series
          if (series?._ref && part === undefined) return 'This interview belongs to a series: give its part number.'
          if (!series?._ref && part !== undefined)
            return 'A part number only makes sense with a series: choose the series or clear the part.'
          return true
        }),
      ],
    }),
    defineField({
      name: 'publishedAt',
      title: 'Publication date',
      type: 'datetime',
      group: 'publishing',
      description: 'The date shown to readers and used for ordering. Set to now when the interview is created.',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required().error('Set the publication date: it orders the index and the feeds.'),
    }),
    defineField({
      name: 'featured',
      title: 'Featured on the home page',
      type: 'boolean',
      group: 'publishing',
      initialValue: false,
    }),
    defineField({
      name: 'callToAction',
      title: 'Call to action',
      type: 'callToAction',
      group: 'publishing',
    }),
    defineField({
      name: 'canonicalUrl',
      title: 'Original URL',
      type: 'url',
      group: 'seo',
      description: 'Only for interviews first published elsewhere: the original address, used as the canonical link.',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).error('Use a full https:// address.'),
    }),
    defineField({
      name: 'originalPublication',
      title: 'Originally published in',
      type: 'string',
      group: 'seo',
      description: 'The publication an interview first appeared in ("The Payments Quarterly"), named on the page.',
      validation: (rule) => rule.max(100).warning("Give the publication's name, not a sentence."),
    }),
    defineField({
      name: 'seo',
      title: 'SEO and social',
      type: 'seo',
      group: 'seo',
    }),
    defineField({
      name: 'schedule',
      title: 'Schedule',
      type: 'schedule',
      group: 'publishing',
      description: 'Set by the Schedule action. The interview goes live at this time.',
      // Only shown once an interview is scheduled; an empty read-only box would puzzle editors.
      hidden: ({ value }) => !value,
    }),
  ],
  orderings: [
    {
      title: 'Publication date, newest first',
      name: 'publishedAtDesc',
      by: [{ field: 'publishedAt', direction: 'desc' }],
    },
    { title: 'Title', name: 'titleAsc', by: [{ field: 'title', direction: 'asc' }] },
  ],
  preview: {
    select: {
      title: 'title',
      speakerName: 'speaker.name',
      speakerRole: 'speaker.role',
      speakerPhoto: 'speaker.photo',
      cover: 'coverImage',
    },
    prepare({ title, speakerName, speakerRole, speakerPhoto, cover }) {
      const speaker = [speakerName, speakerRole].filter(Boolean).join(' · ')
      return {
        title: title || 'Untitled interview',
        subtitle: speaker || 'No speaker yet',
        media: speakerPhoto ?? cover,
      }
    },
  },
})
