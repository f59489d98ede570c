// A bare `npm run build` on a fresh clone follows npm start's configuration (the embedded lake) and, with no lake
// running, stops at once with one line saying what to start or set (it used to die prerendering /feed.xml with
// `getaddrinfo ENOTFOUND parley.apicdn.sanity.io`, a host nobody configured).
import { expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { freePort } from './support/free-port.ts'

const root = join(import.meta.dirname, '..', '..')
const distDir = '.data/build-without-lake'

function npmRunBuild(env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

test('with no lake running, npm run build says in one line to start the lake (or npm start), and builds nothing', async () => {
  const lakePort = await freePort() // nothing listens there
  // As on a fresh clone: nothing about the content API in the environment, no .env.local in CI.
  const env: NodeJS.ProcessEnv = { ...process.env, LAKE_PORT: String(lakePort), PARLEY_NEXT_DIST_DIR: distDir }
  for (const name of ['SANITY_API_HOST', 'NEXT_PUBLIC_SANITY_PROJECT_ID', 'NEXT_PUBLIC_SANITY_DATASET'])
    delete env[name]
  const run = await npmRunBuild(env)
  expect(run.status).toBe(1)
  const lines = run.stderr.split('\n').filter((line) => line.trim())
  expect(lines).toEqual([expect.stringContaining(`no lake answers at http://127.0.0.1:${lakePort} (ECONNREFUSED)`)])
  expect(lines[0]).toMatch(/start it first \(npm run lake, with the same LAKE_PORT\) or run npm start/)
  expect(run.stdout).not.toContain('Creating an optimized production build')
  expect(existsSync(join(root, distDir))).toBe(false)
}, 240_000)
