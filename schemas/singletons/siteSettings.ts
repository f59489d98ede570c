// The site's own settings: one document, `_id: "siteSettings"`, edited from the Settings item in the structure.
import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { CogIcon } from '@sanity/icons/Cog'

export const siteSettingsId = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Site title',
      type: 'string',
      initialValue: 'Parley',
      validation: (rule) => rule.required().error('The site needs a title: it is in every page title and the feeds.'),
    }),
    defineField({
      name: 'description',
      title: 'Site description',
      type: 'text',
      rows: 3,
      description: 'Used on the home page, in feeds and as the default search description (at most 160 characters).',
      validation: (rule) => [
        rule.required().error('Describe the site in a sentence: it is the default search description.'),
        rule.max(160).error('The site description must be at most 160 characters: search engines cut the rest.'),
      ],
    }),
    defineField({
      name: 'navigation',
      title: 'Navigation',
      type: 'array',
      of: [defineArrayMember({ type: 'navigationItem' })],
      validation: (rule) => rule.max(7).warning('More than seven navigation items are hard to scan.'),
    }),
    defineField({
      name: 'careersUrl',
      title: 'Careers page',
      type: 'url',
      description: 'Where "We are hiring" links point.',
      validation: (rule) => rule.uri({ scheme: ['http', 'https'] }).error('Use a full https:// address.'),
    }),
  ],
  preview: { prepare: () => ({ title: 'Site settings' }) },
})
