// The rich text of an answer: paragraphs, h3 sub-headings, pull quotes, lists, links, inline images and code.
import { defineArrayMember, defineField, defineType } from '@sanity/types'
import { altTextField } from '../rules/altTextField.ts'

const safeLink = /^(https?:\/\/|mailto:|\/|#)/

export const richText = defineType({
  name: 'richText',
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        { title: 'Paragraph', value: 'normal' },
        { title: 'Sub-heading', value: 'h3' },
        { title: 'Pull quote', value: 'blockquote' },
      ],
      lists: [
        { title: 'Bulleted list', value: 'bullet' },
        { title: 'Numbered list', value: 'number' },
      ],
      marks: {
        decorators: [
          { title: 'Strong', value: 'strong' },
          { title: 'Emphasis', value: 'em' },
          { title: 'Code', value: 'code' },
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            fields: [
              defineField({
                name: 'href',
                title: 'URL',
                type: 'url',
                description: 'A full address (https://…), a site path (/interviews/…) or mailto:.',
                validation: (rule) => [
                  rule
                    .uri({ scheme: ['http', 'https', 'mailto'], allowRelative: true })
                    .error('Use a full address (https://…), a path starting with "/" or a mailto: link.'),
                  rule.required().error('A link needs a URL: paste one or remove the link.'),
                  rule.custom((href: string | undefined) =>
                    href === undefined || safeLink.test(href)
                      ? true
                      : 'Links must start with https://, http://, mailto:, / or #.',
                  ),
                ],
              }),
            ],
          }),
        ],
      },
    }),
    defineArrayMember({
      // Stored as `_type: "image"` (the content model's inline image), with alt text and caption.
      type: 'image',
      title: 'Image',
      options: { hotspot: true },
      fields: [altTextField(), defineField({ name: 'caption', title: 'Caption', type: 'string' })],
      validation: (rule) =>
        rule.custom((image: { asset?: unknown } | undefined) =>
          image?.asset ? true : 'Upload or choose an image, or remove this empty image block.',
        ),
    }),
    defineArrayMember({ type: 'codeBlock' }),
  ],
})
