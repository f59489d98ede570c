// The alt text field every image carries: required as soon as an image is chosen, because screen-reader users and search engines depend on it.
import { defineField } from '@sanity/types'

export const altTextMissing =
  'Alt text is required: describe what the image shows for readers who cannot see it (for example "Maya Okafor at a whiteboard sketching a queue").'

export function altTextField() {
  return defineField({
    name: 'alt',
    title: 'Alternative text',
    type: 'string',
    description: 'What the image shows, in one sentence, for screen readers and when the image does not load.',
    validation: (rule) =>
      rule.custom((alt: string | undefined, context) => {
        const image = context.parent as { asset?: unknown } | undefined
        if (!image?.asset) return true
        return alt && alt.trim().length > 0 ? true : altTextMissing
      }),
  })
}
