// Signing in to the Studio without a sanity.io account: the lake's login page, sessions that act as the editor, the token sign-in, and the support endpoints the Studio calls at boot.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ClientHttp2Session } from 'node:http2'
import { createClient } from '@sanity/client'
import { DatabaseSync } from 'node:sqlite'
import { startLake, type Lake } from '../../lake/index.ts'
import { SessionStore } from '../../lake/auth/sessions.ts'
import { createAttemptLimit } from '../../lake/auth/attempt-limit.ts'
import { http2Request, openHttp2Session } from './http2-client.ts'

const WRITE_TOKEN = 'parley-local-write-token'
const READ_TOKEN = 'parley-local-read-token'
const CREDENTIAL = { email: 'editor@parley.test', password: 'correct horse battery staple' }

let lake: Lake
let dataDir: string
let session: ClientHttp2Session
let studioUrl: string

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' }
const sessionCount = () => (lake.store.db.prepare('SELECT count(*) AS n FROM auth_sessions').get() as { n: number }).n

function lakeClient(token?: string) {
  return createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: lake.url,
    useCdn: false,
    ...(token ? { token } : {}),
  })
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'parley-auth-'))
  lake = await startLake({ port: 0, tlsPort: 0, dataDir, durability: 'normal', editorCredential: CREDENTIAL })
  session = await openHttp2Session(lake.tlsUrl as string)
  studioUrl = `${lake.tlsUrl}/studio/`
})

afterAll(async () => {
  session?.close()
  await lake?.close()
  await rm(dataDir, { recursive: true, force: true })
})

async function signIn(email: string, password: string, origin = studioUrl) {
  return http2Request(session, '/auth/login', { ':method': 'POST', ...formHeaders }, form({ origin, email, password }))
}

describe('sign-in page', () => {
  test('shows an email and password form that posts back to the lake', async () => {
    const response = await http2Request(
      session,
      `/auth/login?origin=${encodeURIComponent(studioUrl)}&projectId=parley&type=dual`,
    )
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.body).toContain('<form method="post" action="/auth/login">')
    expect(response.body).toContain('name="password" type="password"')
    expect(response.body).toContain(`value="${studioUrl}"`)
  })

  test('refuses to sign in for a return address on a foreign origin (no open redirect)', async () => {
    const page = await http2Request(session, `/auth/login?origin=${encodeURIComponent('https://evil.example/studio')}`)
    expect(page.status).toBe(400)
    expect(page.json().message).toContain('not an allowed origin')
    const before = sessionCount()
    const post = await signIn(CREDENTIAL.email, CREDENTIAL.password, 'https://evil.example/studio')
    expect(post.status).toBe(400)
    expect(post.headers.location).toBeUndefined()
    expect(sessionCount()).toBe(before)
  })

  test('refuses a wrong password: the form again with an error, and no session', async () => {
    const before = sessionCount()
    const response = await signIn(CREDENTIAL.email, 'wrong password')
    expect(response.status).toBe(401)
    expect(response.headers.location).toBeUndefined()
    expect(response.body).toContain('do not match the editor credential')
    expect(response.body).toContain(`value="${CREDENTIAL.email}"`)
    expect(sessionCount()).toBe(before)
    const unknownEmail = await signIn('someone@else.test', CREDENTIAL.password)
    expect(unknownEmail.status).toBe(401)
    expect(sessionCount()).toBe(before)
  })

  test('refuses an oversized sign-in form without reading it all', async () => {
    const response = await http2Request(
      session,
      '/auth/login',
      { ':method': 'POST', ...formHeaders },
      form({ origin: studioUrl, email: 'x'.repeat(20_000), password: 'y' }),
    )
    expect(response.status).toBe(413)
    expect(response.json().message).toContain('exceeds the limit')
  })

  test('an unknown session id gets no token', async () => {
    const response = await http2Request(session, '/v2025-02-19/auth/fetch?sid=made-up-session-id-of-some-length')
    expect(response.status).toBe(401)
    expect(response.json().message).toContain('sign in again')
  })
})

describe('signed in with the credential', () => {
  test('redirects to the Studio with a session id, which gives a token once; the token acts as the editor until logout', async () => {
    const login = await signIn(` ${CREDENTIAL.email.toUpperCase()} `, CREDENTIAL.password)
    expect(login.status).toBe(303)
    const location = new URL(String(login.headers.location))
    expect(`${location.origin}${location.pathname}`).toBe(studioUrl)
    const sid = /(?:^#|&)sid=([^&]+)/.exec(location.hash)?.[1] as string
    expect(sid.length).toBeGreaterThanOrEqual(20) // the Studio ignores shorter ids

    const exchange = await http2Request(session, `/v2025-02-19/auth/fetch?sid=${sid}`, {
      origin: lake.tlsUrl as string,
    })
    expect(exchange.status).toBe(200)
    const { token } = exchange.json()
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect((await http2Request(session, `/v2025-02-19/auth/fetch?sid=${sid}`)).status).toBe(401)

    const me = await http2Request(session, '/v2025-02-19/users/me', { authorization: `Bearer ${token}` })
    expect(me.status).toBe(200)
    expect(me.json()).toMatchObject({ id: 'parley-editor', email: CREDENTIAL.email, role: 'administrator' })
    const acl = await http2Request(session, '/v2025-02-19/projects/parley/datasets/production/acl', {
      authorization: `Bearer ${token}`,
    })
    expect(acl.json()[0].permissions).toEqual(expect.arrayContaining(['read', 'create', 'update']))

    const editor = lakeClient(token)
    await editor.create({
      _id: 'drafts.interview-signed-in',
      _type: 'interview',
      title: 'Written by a signed-in editor',
    })
    expect(
      await editor.fetch('*[_id == $id][0].title', { id: 'drafts.interview-signed-in' }, { perspective: 'raw' }),
    ).toBe('Written by a signed-in editor')

    const logout = await http2Request(
      session,
      '/v2025-02-19/auth/logout',
      { ':method': 'POST', authorization: `Bearer ${token}` },
      '',
    )
    expect(logout.status).toBe(200)
    expect((await http2Request(session, '/v2025-02-19/users/me', { authorization: `Bearer ${token}` })).status).toBe(
      401,
    )
    await expect(editor.create({ _id: 'interview-after-logout', _type: 'interview' })).rejects.toMatchObject({
      statusCode: 401,
    })
    expect(lake.store.getDocument('production', 'interview-after-logout')).toBeNull()
  })
})

describe('who is asking', () => {
  test('without a token the Studio is signed out and anonymous reads see published documents only', async () => {
    const me = await http2Request(session, '/v2025-02-19/users/me')
    expect(me.status).toBe(401)
    expect(me.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' })
    await lakeClient(WRITE_TOKEN).createOrReplace({ _id: 'interview-public', _type: 'interview', title: 'Published' })
    const ids = await lakeClient().fetch<string[]>('*[_type == "interview"]._id', {}, { perspective: 'raw' })
    expect(ids).toContain('interview-public')
    expect(ids.some((id) => id.startsWith('drafts.'))).toBe(false)
    const acl = await http2Request(session, '/v2025-02-19/projects/parley/datasets/production/acl')
    expect(acl.json()).toEqual([{ filter: '_id in path("*")', permissions: ['read'] }])
  })

  test('the write token signs in as the editor (the Studio’s token sign-in), the read token as a viewer', async () => {
    const asEditor = await http2Request(session, '/v2025-02-19/users/me', { authorization: `Bearer ${WRITE_TOKEN}` })
    expect(asEditor.json()).toMatchObject({ id: 'parley-editor', role: 'administrator' })
    const asViewer = await http2Request(session, '/v2025-02-19/users/me', { authorization: `Bearer ${READ_TOKEN}` })
    expect(asViewer.json()).toMatchObject({ id: 'parley-viewer', role: 'viewer' })
    const viewerAcl = await http2Request(session, '/v2025-02-19/projects/parley/datasets/production/acl', {
      authorization: `Bearer ${READ_TOKEN}`,
    })
    expect(viewerAcl.json()[0].permissions).not.toContain('update')
  })

  test('the write token mints a session token long enough for the Studio’s #token= sign-in', async () => {
    const minted = await http2Request(
      session,
      '/v2025-02-19/auth/session',
      { ':method': 'POST', authorization: `Bearer ${WRITE_TOKEN}` },
      '',
    )
    expect(minted.status).toBe(201)
    const { token } = minted.json()
    expect(token.length).toBeGreaterThanOrEqual(32)
    expect(
      (await http2Request(session, '/v2025-02-19/users/me', { authorization: `Bearer ${token}` })).json(),
    ).toMatchObject({ id: 'parley-editor' })
    expect(
      (
        await http2Request(
          session,
          '/v2025-02-19/auth/session',
          { ':method': 'POST', authorization: `Bearer ${READ_TOKEN}` },
          '',
        )
      ).status,
    ).toBe(403)
    expect((await http2Request(session, '/v2025-02-19/auth/session', { ':method': 'POST' }, '')).status).toBe(401)
  })

  test('a token the lake never issued is refused outright', async () => {
    const response = await http2Request(session, '/v2025-02-19/users/me', {
      authorization: 'Bearer parley-session-forged-token-that-was-never-issued',
    })
    expect(response.status).toBe(401)
  })
})

describe('Studio support endpoints', () => {
  const asEditor = { authorization: `Bearer ${WRITE_TOKEN}` }

  test('list the lake as the sign-in provider, with a login URL on the origin the browser used', async () => {
    const response = await http2Request(session, '/v2025-02-19/auth/providers')
    expect(response.json().providers).toEqual([
      { name: 'parley-lake', title: 'Parley editor sign-in', url: `https://localhost:${lake.tlsPort}/auth/login` },
    ])
  })

  test('describe the project, its datasets and roles, with Content Releases as the one feature and no grants to deploy', async () => {
    expect((await http2Request(session, '/v2021-12-15/projects/parley', asEditor)).json()).toMatchObject({
      id: 'parley',
      displayName: 'Parley',
      members: [{ id: 'parley-editor' }],
    })
    expect((await http2Request(session, '/v2025-02-19/projects/parley/datasets', asEditor)).json()).toContainEqual(
      expect.objectContaining({ name: 'production' }),
    )
    expect((await http2Request(session, '/v2025-02-19/features', asEditor)).json()).toEqual(['contentReleases'])
    expect((await http2Request(session, '/v2025-02-19/projects/parley/grants', asEditor)).json()).toEqual({})
    expect((await http2Request(session, '/v1/intake/telemetry-status')).json()).toEqual({ status: 'denied' })
    expect((await http2Request(session, '/v2025-02-19/journey/announcements')).body).toBe('null')
    expect((await http2Request(session, '/v2021-06-07/users/parley-editor', asEditor)).json()).toMatchObject({
      id: 'parley-editor',
    })
    expect((await http2Request(session, '/v2021-06-07/users/parley-editor,nobody', asEditor)).json()).toHaveLength(1)
  })

  test('keep per-user settings across requests, and refuse malformed ones', async () => {
    const put = await http2Request(
      session,
      '/v2025-02-19/users/me/keyvalue',
      { ':method': 'PUT', 'content-type': 'application/json', ...asEditor },
      JSON.stringify([{ key: 'studio.search.recent', value: { terms: ['queues'] } }]),
    )
    expect(put.status).toBe(200)
    const get = await http2Request(session, '/v2025-02-19/users/me/keyvalue/studio.search.recent,unset.key', asEditor)
    expect(get.json()).toEqual([
      { key: 'studio.search.recent', value: { terms: ['queues'] } },
      { key: 'unset.key', value: null },
    ])
    const bad = await http2Request(
      session,
      '/v2025-02-19/users/me/keyvalue',
      { ':method': 'PUT', 'content-type': 'application/json', ...asEditor },
      JSON.stringify({ key: 'not-an-array' }),
    )
    expect(bad.status).toBe(400)
    expect(bad.json().error.description).toContain('JSON array of {key, value}')
    expect((await http2Request(session, '/v2025-02-19/users/me/keyvalue/studio.search.recent')).status).toBe(401)
  })
})

describe('sessions', () => {
  test('a session id not exchanged within five minutes expires; minted and claimed sessions last until logout', () => {
    const sessions = new SessionStore(new DatabaseSync(':memory:'))
    const start = new Date('2026-11-26T10:00:00Z')
    const late = sessions.create('parley-editor', start)
    const minted = sessions.mint('parley-editor', start)
    const claimed = sessions.create('parley-editor', start)
    expect(sessions.claim(claimed.sid, new Date('2026-11-26T10:01:00Z'))).toBe(claimed.token)
    expect(sessions.claim(late.sid, new Date('2026-11-26T10:06:00Z'))).toBeNull()
    // A later sign-in sweeps the stale id away, and leaves the live sessions alone.
    sessions.create('parley-editor', new Date('2026-11-26T10:07:00Z'))
    expect(sessions.userFor(late.token)).toBeNull()
    expect(sessions.userFor(minted)).toBe('parley-editor')
    expect(sessions.userFor(claimed.token)).toBe('parley-editor')
    expect(sessions.revoke(minted)).toBe(true)
    expect(sessions.userFor(minted)).toBeNull()
  })
})

describe('password guessing', () => {
  test('after ten failures in a minute the form refuses every attempt, even a right one, with Retry-After', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'parley-auth-guess-'))
    const guarded = await startLake({ port: 0, dataDir: folder, durability: 'normal', editorCredential: CREDENTIAL })
    try {
      const attempt = (password: string) =>
        fetch(`${guarded.url}/auth/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: formHeaders,
          body: form({ origin: 'http://localhost:3000/studio/', email: CREDENTIAL.email, password }),
        })
      for (let i = 0; i < 10; i++) expect((await attempt(`guess-${i}`)).status).toBe(401)
      const refused = await attempt(CREDENTIAL.password)
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await refused.text()).toContain('Too many failed sign-ins')
    } finally {
      await guarded.close()
      await rm(folder, { recursive: true, force: true })
    }
  })

  test('the limit lifts as the failures age past a minute', () => {
    const limit = createAttemptLimit({ maxFailures: 3, windowMs: 60_000 })
    for (const at of [0, 10_000, 20_000]) limit.recordFailure(at)
    expect(limit.retryAfterSeconds(30_000)).toBe(30)
    expect(limit.retryAfterSeconds(60_001)).toBe(0)
  })
})

describe('the lake CLI', () => {
  test('checks the editor credential set in .env.local, and prints its browser URL', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'parley-cli-auth-'))
    await writeFile(
      path.join(folder, '.env.local'),
      'LAKE_EDITOR_EMAIL=cli@parley.test\nLAKE_EDITOR_PASSWORD=from-env-local\n',
    )
    const cli = spawn(
      process.execPath,
      [path.resolve('lake/cli.ts'), '--port', '0', '--tls-port', '0', '--data', path.join(folder, 'lake')],
      { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = ''
        cli.stdout.setEncoding('utf8')
        cli.stdout.on('data', (chunk: string) => {
          text += chunk
          if (text.includes('HTTP/2')) resolve(text)
        })
        cli.once('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${text}`)))
      })
      expect(output).toMatch(/Content Lake for browsers \(HTTPS, HTTP\/2\) on https:\/\/localhost:\d+/)
      const lakeUrl = /listening on (http:\/\/\S+)/.exec(output)?.[1] as string
      const attempt = (password: string) =>
        fetch(`${lakeUrl}/auth/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: formHeaders,
          body: form({ origin: 'http://localhost:3000/studio/', email: 'cli@parley.test', password }),
        })
      expect((await attempt('parley-local-editor')).status).toBe(401)
      const accepted = await attempt('from-env-local')
      expect(accepted.status).toBe(303)
      expect(accepted.headers.get('location')).toMatch(/^http:\/\/localhost:3000\/studio\/#sid=/)
    } finally {
      cli.kill('SIGTERM')
      await new Promise((resolve) => cli.once('exit', resolve))
      await rm(folder, { recursive: true, force: true })
    }
  }, 30_000)
})
