// Runs nginx from Debian as the caching proxy in front of the instances, with deploy/nginx's configuration filled in.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { errorPages } from '../../deploy/nginx/error-pages.ts'
import { commandPath } from './requirements.ts'
import { startServer, waitUntilReady, type Server } from '../start/processes.ts'

const deployDir = resolve(import.meta.dirname, '../../deploy/nginx')

export type ProxySettings = {
  /** What nginx listens on for readers: a port, or address:port. */
  listen: string
  /** The instances' host:port. */
  instances: string[]
  /** The internal port of the compressing server behind the cache. */
  compressPort: number
  /** Where the pid, temporary files, cache and error pages live. */
  runDir: string
  /** What the instances send in x-parley-refresh to have a page fetched anew (long and random). */
  refreshSecret: string
}

/** deploy/nginx/nginx.conf.template with every ${PARLEY_…} value given; an unknown or missing one is an error. */
export function nginxConfig(
  settings: ProxySettings,
  template = readFileSync(join(deployDir, 'nginx.conf.template'), 'utf8'),
) {
  const values: Record<string, string> = {
    PARLEY_PROXY_LISTEN: settings.listen,
    // One that fails once is left out for 5 s: a killed instance costs its in-flight requests a retry, not an error.
    PARLEY_INSTANCES: settings.instances
      .map((address) => `server ${address} max_fails=1 fail_timeout=5s;`)
      .join('\n    '),
    PARLEY_COMPRESS_PORT: String(settings.compressPort),
    PARLEY_RUN_DIR: settings.runDir,
    PARLEY_PAGES_DIR: join(settings.runDir, 'pages'),
    PARLEY_PROXY_REFRESH_SECRET: settings.refreshSecret,
  }
  // An empty secret would match every request that sends none, and no copy would ever be kept.
  if (!/^[A-Za-z0-9_-]{16,}$/.test(settings.refreshSecret)) {
    throw new Error('The proxy refresh secret must be 16 or more letters, digits, - or _.')
  }
  return template.replace(/\$\{(PARLEY_[A-Z_]+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`deploy/nginx/nginx.conf.template uses \${${name}}, which has no value.`)
    return value
  })
}

export type RunningProxy = { url: string; runDir: string; server: Server; stop(): Promise<void> }

export async function startNginx(
  settings: Omit<ProxySettings, 'runDir'> & { onLine?: (line: string) => void },
): Promise<RunningProxy> {
  const binary = commandPath('nginx')
  if (!binary)
    throw new Error('nginx is not installed (Debian: apt-get install -y nginx libnginx-mod-http-brotli-filter).')
  const runDir = mkdtempSync(join(tmpdir(), 'parley-proxy-'))
  // nginx's workers run as an unprivileged user when the master is root: they must reach the folder and its pages.
  chmodSync(runDir, 0o755)
  mkdirSync(join(runDir, 'pages'), { mode: 0o755 })
  for (const [name, html] of Object.entries(errorPages))
    writeFileSync(join(runDir, 'pages', name), html, { mode: 0o644 })
  mkdirSync(join(runDir, 'cache'))
  const configFile = join(runDir, 'nginx.conf')
  writeFileSync(configFile, nginxConfig({ ...settings, runDir }))
  const server = startServer(binary, ['-p', runDir, '-c', configFile, '-g', 'daemon off;'], {
    cwd: runDir,
    env: {},
    stopSignal: 'SIGQUIT',
    ...(settings.onLine ? { onLine: settings.onLine } : {}),
  })
  const port = settings.listen.split(':').at(-1)
  const url = `http://127.0.0.1:${port}`
  await waitUntilReady(
    'nginx',
    server,
    async () => (await fetch(`${url}/_parley/proxy-health`)).status === 204,
    15_000,
  ).catch((error: Error) => {
    let log = ''
    try {
      log = readFileSync(join(runDir, 'error.log'), 'utf8').slice(-2000)
    } catch {
      // it failed before opening its log; its own output says why
    }
    throw new Error(`${error.message} ${log}`)
  })
  return {
    url,
    runDir,
    server,
    async stop() {
      await server.stop()
      rmSync(runDir, { recursive: true, force: true })
    },
  }
}
