// A labelled link on a person's profile (personal site, GitHub, Mastodon…).
import { defineField, defineType } from '@sanity/types'
import { LinkIcon } from '@sanity/icons/Link'

export const externalLink = defineType({
  name: 'externalLink',
  title: 'Link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      validation: (rule) => rule.required().error('Give the link a label (for example "GitHub").'),
    }),
    defineField({
      name: 'url',
      title: 'URL',
      type: 'url',
      validation: (rule) =>
        rule
          .required()
          .uri({ scheme: ['http', 'https', 'mailto'] })
          .error('A full address is required (https://… or mailto:…).'),
    }),
  ],
  preview: { select: { title: 'label', subtitle: 'url' } },
})
