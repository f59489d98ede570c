// A run of related interviews read in order (for example "On call, five years in").
import { defineField, defineType } from '@sanity/types'
import { StackIcon } from '@sanity/icons/Stack'
import { slugField } from '../rules/slugField.ts'

export const series = defineType({
  name: 'series',
  title: 'Series',
  type: 'document',
  icon: StackIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.required().error('A series needs a title.'),
    }),
    slugField({ source: 'title', description: 'The address of the series page: /series/<slug>.' }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      description: 'What the series is about and who it is for.',
      validation: (rule) => rule.max(400).warning('Keep the series description under 400 characters.'),
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'description' } },
})
