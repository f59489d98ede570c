// A call to action at the end of an interview (for example "We are hiring platform engineers").
import { defineField, defineType } from '@sanity/types'

type CallToActionValue = { label?: string; url?: string }

export const callToAction = defineType({
  name: 'callToAction',
  title: 'Call to action',
  type: 'object',
  options: { collapsible: true, collapsed: true },
  description: 'Optional button after the last answer. Fill in both fields or neither.',
  fields: [
    defineField({
      name: 'label',
      title: 'Button label',
      type: 'string',
      validation: (rule) => [
        rule.max(60).warning('Button labels read best under 60 characters.'),
        rule.custom((label: string | undefined, context) => {
          const parent = context.parent as CallToActionValue | undefined
          return parent?.url && !label?.trim() ? 'The button needs a label as well as a URL.' : true
        }),
      ],
    }),
    defineField({
      name: 'url',
      title: 'Link',
      type: 'url',
      validation: (rule) => [
        rule
          .uri({ scheme: ['http', 'https', 'mailto'], allowRelative: true })
          .error('Use a full address (https://…), a path starting with "/" or a mailto: link.'),
        rule.custom((url: string | undefined, context) => {
          const parent = context.parent as CallToActionValue | undefined
          return parent?.label && !url ? 'The button needs a link as well as a label.' : true
        }),
      ],
    }),
  ],
})
