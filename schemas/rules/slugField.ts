// The slug field every routable document shares: generated from the title, URL-safe, unique per type.
import { defineField } from '@sanity/types'
import { isUniqueSlug } from './isUniqueSlug.ts'

const urlSafe = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugField(options: { source: string; group?: string; description?: string }) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    group: options.group,
    description:
      options.description ??
      'The last part of the page URL. Generate it from the title, then keep it stable: changing it breaks links.',
    options: { source: options.source, maxLength: 96, isUnique: isUniqueSlug },
    // One rule, not an array: every slug rule also carries Sanity's built-in uniqueness check, and an
    // array of two rules would report a taken slug twice.
    validation: (rule) =>
      rule.custom((slug: { current?: string } | undefined) => {
        const current = slug?.current?.trim()
        if (!current)
          return 'A slug is required: it is the address of the page. Press "Generate" to make one from the title.'
        return urlSafe.test(current)
          ? true
          : 'Use lowercase letters, digits and single hyphens only (for example "scaling-search-at-parley").'
      }),
  })
}
