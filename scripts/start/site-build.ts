// Decides whether the production build in .next is current: a stamp of the site's sources and build-time settings.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Environment } from '../environment.ts'
import { runStep } from './processes.ts'

/**
 * Every file `next build` reads: the app, what it imports (lib, schemas), the proxy in front of its routes, the cache
 * handler next.config.js names, its settings and the installed packages (tests/site/start-environment.test.ts follows
 * the imports and fails on one outside these).
 */
export const buildInputs = [
  'app',
  'lib',
  'schemas',
  'proxy.ts',
  'public',
  'deploy/cache-handler.ts',
  'next.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
]
const stampFile = join('.next', 'parley-build-stamp')

function* files(root: string, path: string): Generator<string> {
  const full = join(root, path)
  if (!existsSync(full)) return
  const stats = statSync(full)
  if (stats.isFile()) {
    yield path
    return
  }
  for (const entry of readdirSync(full).sort()) yield* files(root, join(path, entry))
}

/** A hash of every source file's content and of the settings baked into a build (public variables, the site origin). */
export function buildStamp(root: string, env: Environment): string {
  const hash = createHash('sha256')
  for (const source of buildInputs) {
    for (const file of files(root, source)) {
      hash.update(relative(root, join(root, file)))
      hash.update(readFileSync(join(root, file)))
    }
  }
  const buildSettings = Object.keys(env)
    // REDIS_URL decides whether the build is configured with the shared cache handler (next.config.js).
    .filter(
      (key) => key.startsWith('NEXT_PUBLIC_') || ['SITE_URL', 'PORT', 'NEXT_DEPLOYMENT_ID', 'REDIS_URL'].includes(key),
    )
    .sort()
    .map((key) => `${key}=${env[key]}`)
  hash.update(buildSettings.join('\n'))
  return hash.digest('hex')
}

export function isBuildCurrent(root: string, stamp: string): boolean {
  const stampPath = join(root, stampFile)
  return (
    existsSync(join(root, '.next', 'BUILD_ID')) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp
  )
}

export function recordBuild(root: string, stamp: string): void {
  writeFileSync(join(root, stampFile), stamp)
}

/**
 * The environment to build and serve a build with: its deployment id (NEXT_DEPLOYMENT_ID, unless set) is the stamp,
 * so `next build` and every `next start` of it agree on one (and on one build id), and a browser holding pages of
 * another build reloads instead of mixing them.
 */
export function withDeploymentId(env: Environment, stamp: string): Environment {
  return { ...env, NEXT_DEPLOYMENT_ID: env.NEXT_DEPLOYMENT_ID || stamp.slice(0, 16) }
}

/** Runs `next build` with the given configuration and records what it was built from. */
export async function buildSite(root: string, env: Environment, stamp = buildStamp(root, env)): Promise<void> {
  await runStep('next build', process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    env: withDeploymentId(env, stamp),
  })
  // npm start serves .next; a build into another folder (tests set PARLEY_NEXT_DIST_DIR) is not the one it checks.
  if (!env.PARLEY_NEXT_DIST_DIR) recordBuild(root, stamp)
}

/** Builds the site when .next holds no build of the current sources and settings; returns the environment to serve it. */
export async function buildIfStale(root: string, env: Environment): Promise<Environment> {
  const stamp = buildStamp(root, env)
  if (!isBuildCurrent(root, stamp)) {
    console.log('Building the site (next build)…')
    await buildSite(root, env, stamp)
  }
  return withDeploymentId(env, stamp)
}
