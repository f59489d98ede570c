// Makes sure a built Studio exists, is newer than its sources and was built with the settings asked for (the
// SANITY_STUDIO_* variables, which Vite writes into the bundle), building it (about 20 s) when not. For `npm start`
// and the tests alike; `npm run build:studio` (this file run on its own) builds it now.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
export const studioDir = path.join(root, '.data/studio')
const sources = ['sanity.config.ts', 'sanity.cli.ts', 'schemas', 'studio']

function newestSourceTime(entry: string): number {
  const full = path.join(root, entry)
  const stats = statSync(full)
  if (!stats.isDirectory()) return stats.mtimeMs
  return Math.max(stats.mtimeMs, ...readdirSync(full).map((child) => newestSourceTime(path.join(entry, child))))
}

/** The build-time settings a Studio build bakes in, as the stamp beside it records them. */
function buildSettings(env: Record<string, string>): string {
  const all: Record<string, string | undefined> = { ...process.env, ...env }
  const settings = Object.keys(all)
    .filter((name) => name.startsWith('SANITY_STUDIO_'))
    .sort()
    .map((name) => [name, all[name]])
  return JSON.stringify(Object.fromEntries(settings))
}

const stampOf = (dir: string) => `${dir}.settings.json`

function isFresh(dir: string, env: Record<string, string>): boolean {
  const index = path.join(dir, 'index.html')
  if (!existsSync(index) || statSync(index).mtimeMs < Math.max(...sources.map(newestSourceTime))) return false
  return existsSync(stampOf(dir)) && readFileSync(stampOf(dir), 'utf8') === buildSettings(env)
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
  writeFileSync(stampOf(dir), buildSettings(env))
  console.info(`Built the Studio into ${path.relative(root, dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return dir
}

/** Returns the Studio folder, building it first if it is missing, older than its sources or built with other settings. */
export async function ensureStudioBuilt(dir = studioDir, env: Record<string, string> = {}): Promise<string> {
  return isFresh(dir, env) ? dir : buildStudio(dir, env)
}

if (import.meta.main) buildStudio(studioDir)
