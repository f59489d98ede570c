// The slug field every routable document shares: generated from the title, URL-safe, unique per type.
import {defineField} from 'sanity'
import {isUniqueSlug} from './isUniqueSlug.ts'

const urlSafe = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export function slugField(options: {source: string; group?: string; description?: string}) {
  return defineField({
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    group: options.group,
    description: options.description ?? 'The last part of the page URL. Generate it from the title, then keep it stable: changing it breaks links.',
    options: {source: options.source, maxLength: 96, isUnique: isUniqueSlug},
    validation: (rule) => [
      rule.required().error('A slug is required: it is the address of the page. Press "Generate" to make one from the title.'),
      rule.custom((slug: {current?: string} | undefined) => {
        const current = slug?.current
        if (current === undefined) return true
        return urlSafe.test(current) ? true : 'Use lowercase letters, digits and single hyphens only (for example "scaling-search-at-parley").'
      }),
    ],
  })
}
