// Durability: a lake child process killed with SIGKILL right after acknowledging writes loses none of them.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@sanity/client'

const WRITE = 'durability-write-token'
const repoRoot = join(__dirname, '..', '..')

/** Starts `node lake/cli.ts --port 0` and resolves with its URL from the first line it prints. */
function spawnLake(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['lake/cli.ts', '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, SANITY_API_WRITE_TOKEN: WRITE, LAKE_TLS_PORT: '0', LAKE_WEBHOOKS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolve({ child, url: match[1] as string })
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`lake exited early (${code}): ${output}`)))
  })
}

const clientFor = (url: string) =>
  createClient({
    projectId: 'parley',
    dataset: 'production',
    apiVersion: '2025-02-19',
    useProjectHostname: false,
    apiHost: url,
    token: WRITE,
    useCdn: false,
  })

test('every acknowledged transaction survives kill -9 of the lake process', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-lake-durability-'))
  try {
    const first = await spawnLake(dataDir)
    const writer = clientFor(first.url)
    const acknowledged: string[] = []
    for (let i = 0; i < 30; i++) {
      const { _id } = await writer.create({ _id: `doc-${i}`, _type: 'thing', i })
      acknowledged.push(_id)
    }
    const patched = await writer.patch('doc-0').set({ last: true }).commit()
    // SIGKILL straight after the last acknowledgement: no shutdown hook, no checkpoint.
    const exited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    await exited

    const second = await spawnLake(dataDir)
    try {
      const reader = clientFor(second.url)
      const ids = await reader.fetch('*[_type == "thing"] | order(i asc)._id')
      expect(ids).toEqual(acknowledged)
      expect(await reader.getDocument('doc-0')).toMatchObject({ last: true, _rev: patched._rev })
    } finally {
      // SIGINT (Ctrl-C) stops the lake cleanly: exit code 0.
      const stopped = new Promise((resolve) => second.child.once('exit', resolve))
      second.child.kill('SIGINT')
      expect(await stopped).toBe(0)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 60_000)
