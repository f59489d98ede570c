// Reads configuration the way the README promises: the environment wins over .env.local, which wins over .env.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

export function loadEnvironment(cwd: string = process.cwd()): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = {}
  for (const file of ['.env', '.env.local']) {
    const path = join(cwd, file)
    if (existsSync(path)) Object.assign(merged, parseEnv(readFileSync(path, 'utf8')))
  }
  return { ...merged, ...process.env }
}
