// Editor sessions in the lake's SQLite: an opaque random token per sign-in, handed to the Studio once through a short-lived session id, valid until logout.
import { createHash, randomBytes } from 'node:crypto'
import type { DatabaseSync } from 'node:sqlite'

/** Tokens are at least 32 characters: the Studio ignores shorter `#token=` values. */
const TOKEN_PREFIX = 'parley-session-'
/** An unclaimed session id is good for this long: the redirect back to the Studio takes a moment. */
const CLAIM_WINDOW_MS = 5 * 60 * 1000

export type Session = { sid: string; token: string }

const hash = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => TOKEN_PREFIX + randomBytes(32).toString('base64url')

export class SessionStore {
  readonly #db: DatabaseSync

  constructor(db: DatabaseSync) {
    this.#db = db
    // Only a hash of each token is kept once claimed, so a copied database file grants nothing.
    db.exec(`CREATE TABLE IF NOT EXISTS auth_sessions (
      token_hash TEXT PRIMARY KEY,
      sid TEXT UNIQUE,
      pending_token TEXT,
      user_id TEXT NOT NULL,
      created_at TEXT NOT NULL,
      claimed_at TEXT
    ) WITHOUT ROWID`)
  }

  /** A new session whose token the browser fetches once with the returned `sid` (the sign-in redirect). */
  create(userId: string, now = new Date()): Session {
    // Sign-ins whose browser never came back for the token are dropped once their window has passed.
    this.#db
      .prepare('DELETE FROM auth_sessions WHERE pending_token IS NOT NULL AND created_at < ?')
      .run(new Date(now.getTime() - CLAIM_WINDOW_MS).toISOString())
    const token = newToken()
    const sid = randomBytes(24).toString('base64url')
    this.#db
      .prepare('INSERT INTO auth_sessions (token_hash, sid, pending_token, user_id, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(hash(token), sid, token, userId, now.toISOString())
    return { sid, token }
  }

  /** A new session whose token goes straight to the caller (minted with the write token). */
  mint(userId: string, now = new Date()): string {
    const token = newToken()
    this.#db
      .prepare('INSERT INTO auth_sessions (token_hash, user_id, created_at, claimed_at) VALUES (?, ?, ?, ?)')
      .run(hash(token), userId, now.toISOString(), now.toISOString())
    return token
  }

  /** Exchanges a session id for its token, once; an unknown, used or expired id gives null. */
  claim(sid: string, now = new Date()): string | null {
    const row = this.#db
      .prepare('SELECT token_hash, pending_token, created_at FROM auth_sessions WHERE sid = ?')
      .get(sid) as { token_hash: string; pending_token: string | null; created_at: string } | undefined
    if (!row || row.pending_token === null) return null
    if (now.getTime() - Date.parse(row.created_at) > CLAIM_WINDOW_MS) {
      this.#db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(row.token_hash)
      return null
    }
    this.#db
      .prepare('UPDATE auth_sessions SET sid = NULL, pending_token = NULL, claimed_at = ? WHERE token_hash = ?')
      .run(now.toISOString(), row.token_hash)
    return row.pending_token
  }

  /** The user a session token belongs to, or null. */
  userFor(token: string): string | null {
    if (!token.startsWith(TOKEN_PREFIX)) return null
    const row = this.#db.prepare('SELECT user_id FROM auth_sessions WHERE token_hash = ?').get(hash(token)) as
      { user_id: string } | undefined
    return row?.user_id ?? null
  }

  /** Ends a session; returns whether there was one. */
  revoke(token: string): boolean {
    return Number(this.#db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?').run(hash(token)).changes) > 0
  }
}
