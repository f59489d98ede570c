// What each access level may do; refusals are 401 (no token) or 403 (token without the right).
import type { Access } from './access.ts'
import { forbidden, unauthorized } from './errors.ts'

export function requireWrite(access: Access, what: string): void {
  if (access.write) return
  if (access.role === 'anonymous')
    throw unauthorized(`Writing (${what}) needs a token with write access; the request had none`)
  throw forbidden(`Insufficient permissions: the ${access.role} token may read but not write (${what})`)
}

export function requireReadDrafts(access: Access, what: string): void {
  if (access.readDrafts) return
  throw unauthorized(`${what} needs a token; anonymous requests see published documents only`)
}
