// One entry of the site's main navigation.
import { defineField, defineType } from '@sanity/types'

export const navigationItem = defineType({
  name: 'navigationItem',
  title: 'Navigation item',
  type: 'object',
  fields: [
    defineField({
      name: 'label',
      title: 'Label',
      type: 'string',
      validation: (rule) => rule.required().error('A navigation item needs a label.'),
    }),
    defineField({
      name: 'href',
      title: 'Link',
      type: 'string',
      description: 'A site path such as /topics/platform, or a full https:// address.',
      validation: (rule) =>
        rule
          .required()
          .custom((href: string | undefined) =>
            href === undefined || /^(\/|https?:\/\/)/.test(href)
              ? true
              : 'Use a site path starting with "/" or a full https:// address.',
          )
          .error('A navigation item needs a link: a site path starting with "/" or a full https:// address.'),
    }),
  ],
  preview: { select: { title: 'label', subtitle: 'href' } },
})
