// Decides whether the production build in .next is current: a stamp of the site's sources and build-time settings.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Environment } from '../environment.ts'
import { runStep } from './processes.ts'

const sourcePaths = ['app', 'lib', 'public', 'next.config.js', 'package-lock.json', 'tsconfig.json']
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
  for (const source of sourcePaths) {
    for (const file of files(root, source)) {
      hash.update(relative(root, join(root, file)))
      hash.update(readFileSync(join(root, file)))
    }
  }
  const buildSettings = Object.keys(env)
    .filter((key) => key.startsWith('NEXT_PUBLIC_') || ['SITE_URL', 'PORT', 'NEXT_DEPLOYMENT_ID'].includes(key))
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
 * Runs `next build` when .next holds no build of the current sources and settings, and returns the environment to
 * serve it with. Its deployment id (NEXT_DEPLOYMENT_ID, given to the build and to every instance) is the stamp, so
 * instances of one build agree on it and a browser holding pages of another build reloads instead of mixing them.
 */
export async function buildIfStale(root: string, env: Environment, nextBin: string): Promise<Environment> {
  const stamp = buildStamp(root, env)
  const siteEnv = { ...env, NEXT_DEPLOYMENT_ID: env.NEXT_DEPLOYMENT_ID || stamp.slice(0, 16) }
  if (!isBuildCurrent(root, stamp)) {
    console.log('Building the site (next build)…')
    await runStep('next build', process.execPath, [nextBin, 'build'], { cwd: root, env: siteEnv })
    recordBuild(root, stamp)
  }
  return siteEnv
}
