// Runs the site as `npm start` does, for end-to-end tests: a real lake with the revalidation webhook, a production
// build of the site (built once per content/source state into its own folder), and `next start`, all on free ports.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { revalidationWebhook } from '../../../lib/revalidation/index.ts'
import { startTestLake, readToken, type TestLake } from '../../site/support/test-lake.ts'
import { seedSampleContent } from '../../site/support/sample-content.ts'
import { ensureStudioBuilt } from '../../../scripts/studio-build.ts'
import { freePort } from '../../site/support/free-port.ts'

// Jest and npm scripts run from the project root.
const root = process.cwd()
const nextBin = resolve(root, 'node_modules/next/dist/bin/next')
export const distDir = '.data/site-e2e-build'

export const secrets = {
  SANITY_REVALIDATE_SECRET: 'e2e-webhook-secret-9f3a',
  SANITY_PREVIEW_SECRET: 'e2e-preview-secret-71bc',
  SANITY_API_READ_TOKEN: readToken,
}

/** `pid`: the `next start` process (one process: Next serves from it). */
export type SiteUnderTest = {
  url: string
  pid: number
  lake: TestLake
  nextOutput: () => string
  stop(): Promise<void>
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) =>
      code === 0 ? resolveRun(output) : reject(new Error(`${args.join(' ')} failed (${code}):\n${output}`)),
    )
  })
}

async function waitForServer(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output()}`)
    try {
      const response = await fetch(`${url}/robots.txt`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`next start did not answer within 60 s:\n${output()}`)
}

/** Builds the site as `npm run build` does, with `env` (content API, dist dir…); rejects with its output. */
export function buildForTest(env: NodeJS.ProcessEnv): Promise<string> {
  return run(['scripts/build.ts'], env)
}

/**
 * `env` adds to the site's environment; `webhooks` adds lake webhooks for the site at `url`; `port` and `studioDir`
 * (a Studio built for this site's address) replace a free port and the shared Studio build.
 */
export async function startSiteUnderTest(
  options: {
    env?: Record<string, string>
    webhooks?: (url: string, secret: string) => unknown[]
    port?: number
    studioDir?: string
  } = {},
): Promise<SiteUnderTest> {
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  // The lake serves the built Studio too, as under `npm start`, so that /studio can be followed into it.
  const lake = await startTestLake({
    webhooks: [
      revalidationWebhook(url, secrets.SANITY_REVALIDATE_SECRET),
      ...(options.webhooks?.(url, secrets.SANITY_REVALIDATE_SECRET) ?? []),
    ],
    studioDir: options.studioDir ?? (await ensureStudioBuilt()),
  })
  await seedSampleContent(lake.editor)
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PARLEY_NEXT_DIST_DIR: distDir,
    SANITY_API_HOST: lake.url,
    SANITY_STUDIO_URL: lake.studioUrl!,
    NEXT_PUBLIC_SANITY_PROJECT_ID: 'parley',
    NEXT_PUBLIC_SANITY_DATASET: 'production',
    NEXT_PUBLIC_SANITY_API_VERSION: '2025-02-19',
    SITE_URL: url,
    PORT: String(port),
    // The build and `next start` share one deployment id, as under `npm start`: with none at run time, Next's client
    // takes each dynamic RSC answer (draft mode's router.refresh()) for another deployment's and reloads the page.
    NEXT_DEPLOYMENT_ID: `e2e-${port}`,
    ...options.env,
  }
  // The build prerenders pages from this lake's content, so it runs after seeding, against this lake.
  await buildForTest(env)
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  await waitForServer(url, child, () => output)
  return {
    url,
    pid: child.pid!,
    lake,
    nextOutput: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        child.kill('SIGTERM')
        await exited
      }
      await lake.close()
    },
  }
}
