// How `npm start` reads its configuration: environment over .env.local over .env, and local defaults only for the lake.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { loadEnvironment, otherLakeAddress } from '../../scripts/environment.ts'
import { buildInputs, buildStamp, isBuildCurrent, recordBuild } from '../../scripts/start/site-build.ts'

let root: string
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'parley-start-env-'))
  writeFileSync(join(root, '.env.example'), 'PORT=3000\nLAKE_PORT=3333\nSANITY_REVALIDATE_SECRET=local-only\n')
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

test("on the embedded lake the API host and the Studio's address follow LAKE_PORT and LAKE_TLS_PORT", () => {
  writeFileSync(join(root, '.env.local'), 'LAKE_TLS_PORT=4102\n')
  const { env } = loadEnvironment(root, { LAKE_PORT: '4101' })
  expect(env).toMatchObject({
    SANITY_API_HOST: 'http://127.0.0.1:4101',
    SANITY_STUDIO_URL: 'https://localhost:4102/studio/',
  })
  expect(loadEnvironment(root, {}).env.SANITY_API_HOST).toBe('http://127.0.0.1:3333')
  expect(() => loadEnvironment(root, { LAKE_PORT: 'forty' })).toThrow('LAKE_PORT must be a port number')
})

test('a SANITY_API_HOST set by hand is kept, and npm start says when it is not the lake it starts', () => {
  const agreeing = loadEnvironment(root, { LAKE_PORT: '4101', SANITY_API_HOST: 'http://localhost:4101/' }).env
  expect(agreeing.SANITY_API_HOST).toBe('http://localhost:4101/')
  expect(otherLakeAddress(agreeing)).toBeNull()
  const elsewhere = loadEnvironment(root, { LAKE_PORT: '4101', SANITY_API_HOST: 'http://127.0.0.1:3333' }).env
  expect(otherLakeAddress(elsewhere)).toBe(
    'SANITY_API_HOST is http://127.0.0.1:3333, but npm start runs the lake at http://127.0.0.1:4101 (LAKE_PORT 4101): ' +
      'remove SANITY_API_HOST (on the embedded lake it follows LAKE_PORT), or set LAKE_PORT to its port.',
  )
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

test("the build stamp covers every file the site's code imports, so an edit to any of them rebuilds", () => {
  const repository = resolve(import.meta.dirname, '../..')
  const stamped = (path: string) =>
    buildInputs.some((input) => path === input || path.startsWith(`${input}/`)) || path.startsWith('node_modules/')
  const seen = new Set<string>()
  const outside: string[] = []
  const follow = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    if (!stamped(file)) outside.push(file)
    if (!/\.(ts|tsx|js|mjs)$/.test(file)) return
    const source = readFileSync(join(repository, file), 'utf8')
    // Static and dynamic imports, and files named by URL (next.config.js names the cache handler so).
    for (const [, specifier] of source.matchAll(/(?:from|import\(|new URL\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = relative(repository, resolve(repository, dirname(file), specifier!))
      if (existsSync(join(repository, target))) follow(target)
    }
  }
  const entries = (folder: string): string[] =>
    readdirSync(join(repository, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? entries(join(folder, entry.name)) : [join(folder, entry.name)],
    )
  for (const entry of [...entries('app'), 'proxy.ts', 'next.config.js']) follow(entry)
  expect(seen.size).toBeGreaterThan(50)
  expect(seen).toContain('deploy/cache-handler.ts')
  expect(outside).toEqual([])
})
