// Decides who is asking from the Authorization header: the write token, the read token, or anonymous.
import type { IncomingMessage } from 'node:http'
import { unauthorized } from './errors.ts'

/**
 * What a request may do. `readPublished` = may see published documents (ids without a `.`); `readDrafts` = may also
 * see documents whose id contains a `.` (drafts, versions, system documents). Anonymous readers see published
 * documents only, and none at all in a private dataset.
 */
export type Access = {
  role: 'anonymous' | 'viewer' | 'editor'
  identity: string
  readPublished: boolean
  readDrafts: boolean
  write: boolean
}

export const anonymousAccess: Access = {
  role: 'anonymous',
  identity: '',
  readPublished: true,
  readDrafts: false,
  write: false,
}

/** What an anonymous request may do in a dataset: in a private one (aclMode `private`), read nothing. */
export function accessInDataset(access: Access, aclMode: AclMode): Access {
  return access.role === 'anonymous' && aclMode === 'private' ? { ...access, readPublished: false } : access
}

/** A dataset's visibility, as Sanity names it: `public` = anonymous requests read its published documents. */
export type AclMode = 'public' | 'private'

/** Maps a presented token to an access level; other helpers (e.g. auth sessions) may add resolvers. */
export type TokenResolver = (token: string) => Access | null

export function tokenResolverFor(readToken: string, writeToken: string): TokenResolver {
  return (token) => {
    if (token === writeToken)
      return { role: 'editor', identity: 'parley-editor', readPublished: true, readDrafts: true, write: true }
    if (token === readToken)
      return { role: 'viewer', identity: 'parley-viewer', readPublished: true, readDrafts: true, write: false }
    return null
  }
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (typeof header !== 'string') return null
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  return match?.[1]?.trim() || null
}

/** An unknown token is refused outright (401), as Sanity does, rather than silently downgraded to anonymous. */
export function resolveAccess(req: IncomingMessage, resolvers: readonly TokenResolver[]): Access {
  const token = bearerToken(req)
  if (!token) return anonymousAccess
  for (const resolve of resolvers) {
    const access = resolve(token)
    if (access) return access
  }
  throw unauthorized('Session not found: the token in the Authorization header is not valid for this lake')
}
