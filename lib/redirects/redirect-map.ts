// The redirects editors made, as the site's proxy looks them up: one read of the content store shared by every request,
// refreshed in the background every couple of seconds (Next's tag cache does not reach the proxy, so a published
// redirect is answered within that time on every instance). A failed refresh keeps the last list.
import { redirectsQuery } from '../content/queries.ts'
import { redirectSchema, type Redirect } from '../content/schemas.ts'
import { publishedClient } from '../sanity/client.ts'
import { fromProblem, normalizeRedirectPath, toProblem } from '../../schemas/rules/redirectRules.ts'

export const refreshAfterMs = 2000

export type RedirectMap = ReadonlyMap<string, Redirect>

/** Valid redirects by their normalised old path; a malformed one (written past the Studio's validation) is left out. */
export function redirectMapOf(rows: unknown): RedirectMap {
  const map = new Map<string, Redirect>()
  for (const row of Array.isArray(rows) ? rows : []) {
    const parsed = redirectSchema.safeParse(row)
    if (!parsed.success || fromProblem(parsed.data.from) || toProblem(parsed.data.to)) continue
    map.set(normalizeRedirectPath(parsed.data.from), parsed.data)
  }
  return map
}

let current: RedirectMap | null = null
let loadedAt = 0
let loading: Promise<void> | null = null
let failing = false

function refresh(): Promise<void> {
  loading ??= publishedClient()
    .fetch<unknown>(redirectsQuery, {}, { cache: 'no-store', useCdn: false, tag: 'parley.redirects' })
    .then((rows) => {
      current = redirectMapOf(rows)
      failing = false
    })
    .catch((error: unknown) => {
      current ??= new Map()
      if (!failing)
        console.warn(`[redirects] could not read the redirects (${(error as Error).message}); keeping the last list`)
      failing = true
    })
    .finally(() => {
      loadedAt = Date.now()
      loading = null
    })
  return loading
}

/** The redirect for a requested path, if any. Only the very first request waits for the list. */
export async function redirectFor(path: string): Promise<Redirect | undefined> {
  if (!current) await refresh()
  else if (Date.now() - loadedAt > refreshAfterMs) void refresh()
  return current?.get(normalizeRedirectPath(path))
}
