// Finds the Debian programs the production topology needs, and names the packages of those that are missing:
// `npm run cluster` installs nothing itself.
import { accessSync, constants, existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export const brotliModule = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so'

/** The program's path, looked up on PATH and in the sbin folders where Debian puts servers. */
export function commandPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of [...path.split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin']) {
    if (!dir) continue
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not in this folder
    }
  }
  return undefined
}

/** How a program or a module file is looked for; tests pass their own. */
export type Lookup = { command(name: string): string | undefined; file(path: string): boolean }

const onThisMachine: Lookup = { command: (name) => commandPath(name), file: existsSync }

/** The Debian packages to install (`apt-get install -y …`) before the topology can run here; empty when none. */
export function missingPackages(lookup: Lookup = onThisMachine): string[] {
  return [
    lookup.command('nginx') ? undefined : 'nginx',
    lookup.file(brotliModule) ? undefined : 'libnginx-mod-http-brotli-filter',
    lookup.command('redis-server') ? undefined : 'redis-server',
  ].filter((name): name is string => name !== undefined)
}
