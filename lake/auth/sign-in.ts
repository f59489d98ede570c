// Ties the local sign-in together: the editor credential, the session store, the allowed return origins, and the token resolver that lets session tokens act as the editor.
import type { DatabaseSync } from 'node:sqlite'
import type { Access, TokenResolver } from '../http/access.ts'
import { credentialMatches, type EditorCredential } from './credential.ts'
import { SessionStore } from './sessions.ts'
import { EDITOR_ID } from './users.ts'

export type EditorSignIn = {
  credential: EditorCredential
  sessions: SessionStore
  /** Origins a sign-in may return to (shared with the CORS policy, so it grows when ports are known). */
  allowedOrigins: ReadonlySet<string>
  tokenResolver: TokenResolver
  /** Checks the credential; on success starts a session and returns it. */
  signIn(email: string, password: string): { sid: string; token: string } | null
}

const editorAccess: Access = { role: 'editor', identity: EDITOR_ID, readDrafts: true, write: true }

export function createEditorSignIn(options: { db: DatabaseSync; credential: EditorCredential; allowedOrigins: ReadonlySet<string> }): EditorSignIn {
  const sessions = new SessionStore(options.db)
  return {
    credential: options.credential,
    sessions,
    allowedOrigins: options.allowedOrigins,
    tokenResolver: (token) => (sessions.userFor(token) === EDITOR_ID ? editorAccess : null),
    signIn(email, password) {
      if (!credentialMatches(options.credential, email, password)) return null
      return sessions.create(EDITOR_ID)
    },
  }
}
