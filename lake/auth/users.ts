// The people the lake knows: the one local editor (signed in, or the write token) and the viewer (the read token), in the shape of Sanity's /users API.
import type { Access } from '../http/access.ts'

export type LakeUser = {
  id: string
  name: string
  email: string
  profileImage: string | null
  role: string
  roles: { name: string; title: string; description?: string }[]
  provider: string
}

/** The write token's identity in the core (lake/http/access.ts); signed-in sessions act as the same person. */
export const EDITOR_ID = 'parley-editor'
export const VIEWER_ID = 'parley-viewer'

export function editorUser(email: string): LakeUser {
  return {
    id: EDITOR_ID,
    name: 'Parley editor',
    email,
    profileImage: null,
    role: 'administrator',
    roles: [
      {
        name: 'administrator',
        title: 'Administrator',
        description: 'Reads and writes every document (local Content Lake)',
      },
    ],
    provider: 'parley-lake',
  }
}

export function viewerUser(): LakeUser {
  return {
    id: VIEWER_ID,
    name: 'Parley viewer',
    email: 'viewer@parley.local',
    profileImage: null,
    role: 'viewer',
    roles: [{ name: 'viewer', title: 'Viewer', description: 'Reads every document, drafts included (read token)' }],
    provider: 'parley-lake',
  }
}

/** The user behind a request, or null for an anonymous one. */
export function userForAccess(access: Access, editorEmail: string): LakeUser | null {
  if (access.role === 'editor') return editorUser(editorEmail)
  if (access.role === 'viewer') return viewerUser()
  return null
}

export function userById(id: string, editorEmail: string): LakeUser | null {
  if (id === EDITOR_ID) return editorUser(editorEmail)
  if (id === VIEWER_ID) return viewerUser()
  return null
}

/** The dataset ACL the Studio reads to decide what the user may do (without it, it is read-only). */
export function datasetAcl(access: Access): { filter: string; permissions: string[] }[] {
  if (access.write)
    return [{ filter: '_id in path("**")', permissions: ['read', 'create', 'update', 'history', 'editHistory'] }]
  if (access.readDrafts) return [{ filter: '_id in path("**")', permissions: ['read', 'history'] }]
  // Anonymous readers see published documents only (ids without a dot), none in a private dataset.
  return access.readPublished ? [{ filter: '_id in path("*")', permissions: ['read'] }] : []
}
