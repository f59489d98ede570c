// The shared state every route sees: the store, the commit bus, the token resolvers and the options.
import type { CommitBus } from './commits.ts'
import type { Store } from './store/store.ts'
import type { TokenResolver } from './http/access.ts'
import type { WriteLock } from './mutations/write-lock.ts'
import type { CorsPolicy } from './http/cors.ts'

export type LakeContext = {
  projectId: string
  store: Store
  commits: CommitBus
  /** Serialises every writer (mutate, actions, imports) so revision checks and commits are atomic. */
  writeLock: WriteLock
  /** Tried in order for a Bearer token; the first non-null answer wins. Auth helpers may push more. */
  tokenResolvers: TokenResolver[]
  /** Base URL once listening (plain HTTP), e.g. `http://127.0.0.1:3333`. */
  url: string
  dataDir: string
  /** Which browser origins may call the lake (with credentials); others get no CORS headers. */
  cors: CorsPolicy
}
