// How `npm start` reads its configuration: environment over .env.local over .env, and local defaults only for the lake.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadEnvironment } from '../../scripts/environment.ts'
import { buildStamp, isBuildCurrent, recordBuild } from '../../scripts/start/site-build.ts'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parley-start-env-'))
  writeFileSync(
    join(root, '.env.example'),
    'PORT=3000\nSANITY_API_HOST=http://127.0.0.1:3333\nSANITY_REVALIDATE_SECRET=local-only\n',
  )
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

test('the environment wins over .env.local, which wins over .env; .env.example fills the rest for the embedded lake', () => {
  writeFileSync(join(root, '.env'), 'PORT=4000\nLAKE_PORT=4333\nSITE_URL=https://from-dotenv\n')
  writeFileSync(join(root, '.env.local'), 'PORT=5000\nSITE_URL=https://from-local\n')
  const { env, embeddedLake } = loadEnvironment(root, { PORT: '6000' })
  expect(embeddedLake).toBe(true)
  expect(env).toMatchObject({
    PORT: '6000',
    SITE_URL: 'https://from-local',
    LAKE_PORT: '4333',
    SANITY_REVALIDATE_SECRET: 'local-only',
    NEXT_TELEMETRY_DISABLED: '1',
  })
})

test('naming an own Sanity project without an API host means hosted Sanity: no lake and none of the local defaults', () => {
  writeFileSync(join(root, '.env.local'), 'NEXT_PUBLIC_SANITY_PROJECT_ID=abc123\n')
  const { env, embeddedLake } = loadEnvironment(root, {})
  expect(embeddedLake).toBe(false)
  expect(env.SANITY_API_HOST).toBeUndefined()
  expect(env.SANITY_REVALIDATE_SECRET).toBeUndefined()
})

test('a production build is current only for the sources and build-time settings it was made from', () => {
  const env = { PORT: '3000', NEXT_PUBLIC_SANITY_DATASET: 'production', SANITY_API_READ_TOKEN: 'x' }
  writeFileSync(join(root, 'next.config.js'), 'export default {}\n')
  const stamp = buildStamp(root, env)
  expect(isBuildCurrent(root, stamp)).toBe(false) // no build yet
  mkdirSync(join(root, '.next'))
  writeFileSync(join(root, '.next', 'BUILD_ID'), 'b1')
  recordBuild(root, stamp)
  expect(isBuildCurrent(root, buildStamp(root, env))).toBe(true)
  expect(isBuildCurrent(root, buildStamp(root, { ...env, SANITY_API_READ_TOKEN: 'rotated' }))).toBe(true) // runtime secret: no rebuild
  expect(isBuildCurrent(root, buildStamp(root, { ...env, NEXT_PUBLIC_SANITY_DATASET: 'staging' }))).toBe(false)
  writeFileSync(join(root, 'next.config.js'), 'export default { poweredByHeader: false }\n')
  expect(isBuildCurrent(root, buildStamp(root, env))).toBe(false)
})
