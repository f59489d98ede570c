// Valid names for documents and datasets, and random ids for new documents and transactions.
import { randomBytes } from 'node:crypto'

const idPattern = /^[a-zA-Z0-9._-]+$/
const datasetPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** Why an id is invalid, or null when it is a valid document id (`[a-zA-Z0-9._-]`, no segment starting with `-`). */
export function documentIdProblem(id: unknown): string | null {
  if (typeof id !== 'string' || id.length === 0) return 'Document ID must be a non-empty string'
  if (id.length > 200) return `Malformed document ID: "${id.slice(0, 40)}…" is longer than 200 characters`
  if (!idPattern.test(id)) return `Malformed document ID: "${id}" may only contain a-z, A-Z, 0-9, ".", "_" and "-"`
  if (id.split('.').some((segment) => segment === '' || segment.startsWith('-')))
    return `Malformed document ID: "${id}" has an empty segment or a segment starting with "-"`
  if (id.startsWith('versions.') && id.split('.').length < 3)
    return `Malformed document ID: "${id}" is a version id without a document id (versions.<release>.<id>)`
  return null
}

export function datasetNameProblem(name: string): string | null {
  if (datasetPattern.test(name)) return null
  return `Invalid dataset name "${name}": use 1-64 lowercase letters, digits, "_" or "-", starting with a letter or digit`
}

const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** A random id like Sanity's (22 alphanumerics), safe as a document id or a transaction id. */
export function randomId(length = 22): string {
  const bytes = randomBytes(length)
  let id = ''
  for (const byte of bytes) id += alphabet[byte % alphabet.length]
  return id
}

export function randomKey(): string {
  return randomBytes(6).toString('hex')
}
