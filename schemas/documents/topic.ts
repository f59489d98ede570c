// A topic readers browse by (for example "Databases" or "Developer experience").
import { defineField, defineType } from '@sanity/types'
import { TagIcon } from '@sanity/icons/Tag'
import { slugField } from '../rules/slugField.ts'

export const topic = defineType({
  name: 'topic',
  title: 'Topic',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.required().error('A topic needs a title.'),
    }),
    slugField({ source: 'title', description: 'The address of the topic page: /topics/<slug>.' }),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 3,
      description: 'One or two sentences shown at the top of the topic page.',
      validation: (rule) => rule.max(300).warning('Keep topic descriptions under 300 characters.'),
    }),
  ],
  preview: { select: { title: 'title', subtitle: 'description' } },
})
