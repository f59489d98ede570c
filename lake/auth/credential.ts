// The local editor's sign-in credential (from LAKE_EDITOR_EMAIL / LAKE_EDITOR_PASSWORD) and its constant-time check.
import { createHash, timingSafeEqual } from 'node:crypto'

export type EditorCredential = { email: string; password: string }

export const DEFAULT_EDITOR_EMAIL = 'editor@parley.local'
export const DEFAULT_EDITOR_PASSWORD = 'parley-local-editor'

export function editorCredentialFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): EditorCredential {
  return {
    email: env.LAKE_EDITOR_EMAIL?.trim() || DEFAULT_EDITOR_EMAIL,
    password: env.LAKE_EDITOR_PASSWORD || DEFAULT_EDITOR_PASSWORD,
  }
}

// Hashing first gives equal-length buffers, so the comparison time says nothing about either value. (The lake imports
// nothing from lib/, so it keeps this twin of lib/same-secret.ts.)
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Email compared case-insensitively (as addresses are), password exactly; both always compared. */
export function credentialMatches(expected: EditorCredential, email: string, password: string): boolean {
  const emailMatches = timingSafeEqual(digest(expected.email.toLowerCase()), digest(email.trim().toLowerCase()))
  const passwordMatches = timingSafeEqual(digest(expected.password), digest(password))
  return emailMatches && passwordMatches
}
