// Search and social metadata for a page; each field falls back to the document's own title, standfirst and cover on the site.
import { defineField, defineType } from '@sanity/types'
import { accessibleImage } from './accessibleImage.ts'

export const seo = defineType({
  name: 'seo',
  title: 'SEO and social',
  type: 'object',
  options: { collapsible: true, collapsed: false },
  fields: [
    defineField({
      name: 'title',
      title: 'Search title',
      type: 'string',
      description: 'Shown in search results and link previews. Leave empty to use the title.',
      validation: (rule) => rule.max(70).warning('Search engines cut titles after about 60–70 characters.'),
    }),
    defineField({
      name: 'description',
      title: 'Search description',
      type: 'text',
      rows: 3,
      description:
        'One or two sentences for search results (at most 160 characters). Leave empty to use the standfirst.',
      validation: (rule) =>
        rule.max(160).error('The search description must be at most 160 characters: search engines cut the rest.'),
    }),
    accessibleImage({
      name: 'image',
      title: 'Social image',
      description: 'Used for link previews (1200×630 works best). Leave empty to use the cover image.',
      caption: false,
    }),
  ],
})
