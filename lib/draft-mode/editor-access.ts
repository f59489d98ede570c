// Decides whether a request may turn on draft mode: the automation secret, or a token the content API accepts as a user.
import 'server-only'
import { timingSafeEqual } from 'node:crypto'
import { clientWithToken } from '../sanity/client.ts'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export type EditorAccess = { allowed: true; editor: string } | { allowed: false; reason: string }

/**
 * An editor's Studio session token (or any API token) is checked by asking the content API who it belongs to:
 * `/users/me` answers on the lake and on hosted Sanity alike, so the site keeps no list of editors itself.
 */
export async function checkEditorAccess(input: { secret?: string | null; token?: string | null }): Promise<EditorAccess> {
  const previewSecret = process.env.SANITY_PREVIEW_SECRET
  if (input.secret) {
    if (previewSecret && sameSecret(input.secret, previewSecret)) return { allowed: true, editor: 'preview-secret' }
    return { allowed: false, reason: 'The preview secret is wrong.' }
  }
  if (input.token) {
    try {
      const user = await clientWithToken(input.token).request<{ id?: string; name?: string }>({ uri: '/users/me', tag: 'parley.draft-mode' })
      if (user && typeof user.id === 'string' && user.id) return { allowed: true, editor: user.name || user.id }
      return { allowed: false, reason: 'The content API does not know this token.' }
    } catch {
      return { allowed: false, reason: 'The content API rejected this token: sign in to the Studio again and retry.' }
    }
  }
  return { allowed: false, reason: 'Give ?token=<your Studio session or API token> or ?secret=<SANITY_PREVIEW_SECRET>.' }
}
