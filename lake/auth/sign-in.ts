// Ties the local sign-in together: the editor credential, the session store, the allowed return origins, and the token resolver that lets session tokens act as the editor.
import type { DatabaseSync } from 'node:sqlite'
import type { Access, TokenResolver } from '../http/access.ts'
import { credentialMatches, type EditorCredential } from './credential.ts'
import { SessionStore } from './sessions.ts'
import { createAttemptLimit, type AttemptLimit } from './attempt-limit.ts'
import { EDITOR_ID } from './users.ts'

export type EditorSignIn = {
  credential: EditorCredential
  sessions: SessionStore
  /** Origins a sign-in may return to (shared with the CORS policy, so it grows when ports are known). */
  allowedOrigins: ReadonlySet<string>
  tokenResolver: TokenResolver
  /** Checks the credential; on success starts a session, on failure counts towards the attempt limit. */
  signIn(email: string, password: string): { sid: string; token: string } | null
  attempts: AttemptLimit
}

const editorAccess: Access = { role: 'editor', identity: EDITOR_ID, readPublished: true, readDrafts: true, write: true }

export function createEditorSignIn(options: {
  db: DatabaseSync
  credential: EditorCredential
  allowedOrigins: ReadonlySet<string>
}): EditorSignIn {
  const sessions = new SessionStore(options.db)
  const attempts = createAttemptLimit()
  return {
    attempts,
    credential: options.credential,
    sessions,
    allowedOrigins: options.allowedOrigins,
    tokenResolver: (token) => (sessions.userFor(token) === EDITOR_ID ? editorAccess : null),
    signIn(email, password) {
      if (!credentialMatches(options.credential, email, password)) {
        attempts.recordFailure()
        return null
      }
      return sessions.create(EDITOR_ID)
    },
  }
}
