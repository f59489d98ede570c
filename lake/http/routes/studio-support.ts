// The project, user and telemetry endpoints the Studio calls at boot, answered as a one-editor local project (see docs/content-lake-api.md).
import { readJsonBody } from '../body.ts'
import { badRequest, unauthorized } from '../errors.ts'
import type { Route } from '../router.ts'
import type { EditorSignIn } from '../../auth/sign-in.ts'
import { datasetAcl, userById, userForAccess, EDITOR_ID } from '../../auth/users.ts'
import type { UserSettings, KeyValuePair } from '../../auth/user-settings.ts'

const MAX_SETTING_KEY = 200

export function studioSupportRoutes(signIn: EditorSignIn, settings: UserSettings): Route[] {
  const email = () => signIn.credential.email
  const editorMember = {
    id: EDITOR_ID,
    role: 'administrator',
    roles: [{ name: 'administrator', title: 'Administrator' }],
    isCurrentUser: true,
    isRobot: false,
    createdAt: '2026-01-01T00:00:00Z',
  }
  return [
    {
      method: 'GET',
      path: '/projects/:projectId',
      handle: ({ params, lake }) => ({
        body: {
          id: params.projectId,
          displayName: lake.projectId === params.projectId ? 'Parley' : params.projectId,
          studioHost: null,
          isBlocked: false,
          isDisabled: false,
          isDisabledByUser: false,
          organizationId: null,
          metadata: {},
          features: [],
          members: [editorMember],
          createdAt: '2026-01-01T00:00:00Z',
        },
      }),
    },
    {
      method: 'GET',
      path: '/projects/:projectId/datasets',
      handle: ({ search, lake }) => {
        // The Studio asks for comment datasets with datasetProfile=comments; the lake has none.
        if (search.get('datasetProfile')) return { body: [] }
        return {
          body: lake.store.listDatasets().map((name) => ({
            name,
            aclMode: lake.store.datasetAclMode(name),
            addonFor: null,
            datasetProfile: 'content',
            tags: [],
          })),
        }
      },
    },
    {
      method: 'GET',
      path: '/projects/:projectId/datasets/:dataset/acl',
      handle: ({ access }) => ({ body: datasetAcl(access) }),
    },
    {
      method: 'GET',
      path: '/projects/:projectId/roles',
      handle: () => ({
        body: [
          {
            name: 'administrator',
            title: 'Administrator',
            description: 'Local editor',
            isCustom: false,
            projectId: null,
            appliesToUsers: true,
            appliesToRobots: false,
          },
        ],
      }),
    },
    // No grant here includes deployStudio, so the Studio never tries to upload schema descriptors.
    { method: 'GET', path: '/projects/:projectId/grants', handle: () => ({ body: {} }) },
    { method: 'GET', path: '/projects/:projectId/user-applications', handle: () => ({ body: [] }) },
    // Content Releases is the one hosted feature the lake provides; the Studio turns it on only when listed here.
    { method: 'GET', path: '/features', handle: () => ({ body: ['contentReleases'] }) },
    {
      method: 'GET',
      path: '/users/me/keyvalue/:keys',
      handle: ({ access, params }) => {
        const user = userForAccess(access, email())
        if (!user) throw unauthorized('Not signed in')
        return { body: settings.get(user.id, params.keys!.split(',').filter(Boolean)) }
      },
    },
    {
      method: 'PUT',
      path: '/users/me/keyvalue',
      handle: async ({ access, req }) => {
        const user = userForAccess(access, email())
        if (!user) throw unauthorized('Not signed in')
        const body = await readJsonBody(req, 1024 * 1024)
        if (
          !Array.isArray(body) ||
          !body.every(
            (pair) =>
              pair &&
              typeof pair === 'object' &&
              typeof pair.key === 'string' &&
              pair.key.length > 0 &&
              pair.key.length <= MAX_SETTING_KEY,
          )
        ) {
          throw badRequest(
            'invalidRequest',
            `Expected a JSON array of {key, value} with keys of 1–${MAX_SETTING_KEY} characters`,
          )
        }
        return { body: settings.set(user.id, body as KeyValuePair[]) }
      },
    },
    {
      method: 'GET',
      path: '/users/:ids',
      handle: ({ params }) => {
        const ids = params.ids!.split(',').filter(Boolean)
        const users = ids.map((id) => userById(id, email())).filter((user) => user !== null)
        // Sanity answers one id with an object and several with an array.
        return { body: ids.length === 1 ? (users[0] ?? null) : users }
      },
    },
    { method: 'GET', path: '/intake/telemetry-status', handle: () => ({ body: { status: 'denied' } }) },
    { method: 'POST', path: '/intake/batch', handle: () => ({ body: {} }) },
    { method: 'GET', path: '/journey/*rest', handle: () => ({ body: null }) },
    { method: 'GET', path: '/access/requests/me', handle: () => ({ body: [] }) },
    { method: 'GET', path: '/help', handle: () => ({ body: { resources: [], latestVersion: null } }) },
    { method: 'GET', path: '/geoip/country', handle: () => ({ body: { isoCode: null } }) },
  ]
}
