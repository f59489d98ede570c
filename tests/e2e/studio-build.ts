// Makes sure the built Studio in .data/studio exists and is newer than its sources, building it (about 20 s) when not.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')
export const studioDir = path.join(root, '.data/studio')
const sources = ['sanity.config.ts', 'sanity.cli.ts', 'schemas', 'studio']

function newestSourceTime(entry: string): number {
  const full = path.join(root, entry)
  const stats = statSync(full)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(stats.mtimeMs, ...readdirSync(full).map((child) => newestSourceTime(path.join(entry, child))))
}

function isFresh(): boolean {
  const index = path.join(studioDir, 'index.html')
  return existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestSourceTime))
}

/** Builds the Studio into `dir` (replacing what is there) with `env` added to its build-time settings. */
export function buildStudio(dir: string, env: Record<string, string> = {}): string {
  // Build beside the old copy and swap, so a lake serving the old one never sees half a build.
  const buildDir = `${dir}.build-${process.pid}`
  const started = Date.now()
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/sanity/bin/sanity'), 'build', buildDir, '--yes'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SANITY_TELEMETRY_DISABLED: '1', ...env },
      timeout: 10 * 60_000,
    },
  )
  if (result.status !== 0 || !existsSync(path.join(buildDir, 'index.html'))) {
    rmSync(buildDir, { recursive: true, force: true })
    throw new Error(`Building the Studio failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  rmSync(dir, { recursive: true, force: true })
  renameSync(buildDir, dir)
  console.info(`Built the Studio into ${path.relative(root, dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return dir
}

/** Returns the Studio folder, building it first if it is missing or older than the Studio's sources. */
export async function ensureStudioBuilt(): Promise<string> {
  return isFresh() ? studioDir : buildStudio(studioDir)
}
