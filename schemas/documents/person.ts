// A person who speaks in, or conducts, interviews.
import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { UserIcon } from '@sanity/icons/User'
import { accessibleImage } from '../objects/accessibleImage.ts'
import { slugField } from '../rules/slugField.ts'

export const person = defineType({
  name: 'person',
  title: 'Person',
  type: 'document',
  icon: UserIcon,
  fieldsets: [{ name: 'work', title: 'Work', options: { columns: 2 } }],
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      description: 'As the person wants it printed.',
      validation: (rule) => rule.required().error('A person needs a name.'),
    }),
    slugField({ source: 'name', description: 'The address of the speaker page: /speakers/<slug>.' }),
    defineField({
      name: 'role',
      title: 'Role',
      type: 'string',
      fieldset: 'work',
      description: 'Job title, for example "Staff Engineer".',
      validation: (rule) =>
        rule.required().error("Add the person's role: it is shown under their name on every interview."),
    }),
    defineField({
      name: 'team',
      title: 'Team',
      type: 'string',
      fieldset: 'work',
      description: 'For example "Search Infrastructure".',
    }),
    defineField({ name: 'company', title: 'Company', type: 'string', fieldset: 'work', initialValue: 'Parley' }),
    accessibleImage({
      name: 'photo',
      title: 'Photo',
      description: 'A portrait, square crop works best. Use the hotspot to keep the face in frame.',
      caption: false,
    }),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 4,
      description: 'Two or three sentences, in the third person.',
      validation: (rule) =>
        rule.max(600).warning('Keep the bio under 600 characters; it is shown beside every interview.'),
    }),
    defineField({
      name: 'links',
      title: 'Links',
      type: 'array',
      of: [defineArrayMember({ type: 'externalLink' })],
      validation: (rule) => rule.max(6).warning('More than six links crowd the speaker page.'),
    }),
  ],
  orderings: [{ title: 'Name', name: 'nameAsc', by: [{ field: 'name', direction: 'asc' }] }],
  preview: {
    select: { title: 'name', role: 'role', company: 'company', media: 'photo' },
    prepare({ title, role, company, media }) {
      return {
        title: title || 'Unnamed person',
        subtitle: [role, company].filter(Boolean).join(', ') || 'No role yet',
        media,
      }
    },
  },
})
