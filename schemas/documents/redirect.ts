// A redirect editors manage: an old path on the site to a new path or address, permanent (308) or temporary (307).
// The importer writes one for each imported article's old address; the site answers them before any 404.
import { defineField, defineType, type ValidationContext } from '@sanity/types'
import { TransferIcon } from '@sanity/icons/Transfer'
import {
  fromProblem,
  loopProblem,
  normalizeRedirectPath,
  toProblem,
  type RedirectRule,
} from '../rules/redirectRules.ts'
import { notThisDocument } from '../rules/notThisDocument.ts'

const apiVersion = '2025-02-19'

/** The other redirects (published and drafts, this one's versions left out), as the site will see them. */
async function otherRedirects(context: ValidationContext): Promise<RedirectRule[]> {
  const others = notThisDocument(context.document?._id)
  return context
    .getClient({ apiVersion })
    .fetch<RedirectRule[]>(
      `*[_type == "redirect" && ${others.filter} && defined(from) && defined(to)]{from, to}`,
      others.params,
      { perspective: 'raw', tag: 'parley.redirect-rules' },
    )
}

export const redirect = defineType({
  name: 'redirect',
  title: 'Redirect',
  type: 'document',
  icon: TransferIcon,
  fields: [
    defineField({
      name: 'from',
      title: 'Old path',
      type: 'string',
      description: 'The address readers or search engines still use, on this site: /blog/2021/interview-with-ada.',
      validation: (rule) =>
        rule.custom(async (from, context) => {
          const problem = fromProblem(from)
          if (problem) return problem
          const path = normalizeRedirectPath(from as string)
          const taken = (await otherRedirects(context)).some((other) => normalizeRedirectPath(other.from) === path)
          return taken ? `Another redirect already starts at ${path}.` : true
        }),
    }),
    defineField({
      name: 'to',
      title: 'New path or address',
      type: 'string',
      description: 'Where readers go instead: a path on this site (/interviews/…) or a full https:// address.',
      validation: (rule) =>
        rule.custom(async (to, context) => {
          const problem = toProblem(to)
          if (problem) return problem
          const from = (context.document as { from?: unknown } | undefined)?.from
          if (typeof from !== 'string' || fromProblem(from)) return true // the old path's own message says what to fix
          return loopProblem({ from, to: to as string }, await otherRedirects(context)) ?? true
        }),
    }),
    defineField({
      name: 'kind',
      title: 'Kind',
      type: 'string',
      initialValue: 'permanent',
      options: {
        list: [
          { title: 'Permanent (308): the page has moved for good', value: 'permanent' },
          { title: 'Temporary (307): for now, the old address may come back', value: 'temporary' },
        ],
        layout: 'radio',
      },
      validation: (rule) => rule.required(),
    }),
  ],
  preview: {
    select: { from: 'from', to: 'to', kind: 'kind' },
    prepare: ({ from, to, kind }) => ({
      title: from || 'New redirect',
      subtitle: `→ ${to || '…'} (${kind === 'temporary' ? '307' : '308'})`,
    }),
  },
})
