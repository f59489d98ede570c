// An image field with alt text (required) and an optional caption, stored as a plain Sanity `image` so every consumer reads it the same way.
import { defineField } from '@sanity/types'
import { altTextField } from '../rules/altTextField.ts'

// A field factory rather than a named type: the content model stores these images with
// `_type: "image"`, which a named object type would rename.
export function accessibleImage(options: {
  name: string
  title: string
  description?: string
  group?: string
  required?: string
  caption?: boolean
}) {
  return defineField({
    name: options.name,
    title: options.title,
    type: 'image',
    group: options.group,
    description: options.description,
    options: { hotspot: true },
    fields: [
      altTextField(),
      ...(options.caption === false
        ? []
        : [
            defineField({
              name: 'caption',
              title: 'Caption',
              type: 'string',
              description: 'Shown under the image. Credit the photographer here if needed.',
            }),
          ]),
    ],
    // An image object can exist without an upload (an editor typed a caption first); it still counts as missing.
    validation: options.required
      ? (rule) => rule.custom((image: { asset?: unknown } | undefined) => (image?.asset ? true : options.required!))
      : undefined,
  })
}
