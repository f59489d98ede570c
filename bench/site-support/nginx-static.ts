// Serves one HTML document from nginx, to show what the same bytes cost from a plain static server: as it is, and (when
// given) precompressed forms chosen by the reader's Accept-Encoding, as a static site would serve them.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { commandPath } from '../../scripts/cluster/requirements.ts'

export async function serveWithNginx(
  html: string | Buffer,
  port: number,
  options: { workers?: number | 'auto'; brotli?: Buffer; gzip?: Buffer } = {},
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const prefix = mkdtempSync(join(tmpdir(), 'parley-bench-nginx-'))
  mkdirSync(join(prefix, 'html'))
  mkdirSync(join(prefix, 'logs'))
  const files: [string, string | Buffer | undefined][] = [
    ['index.html', html],
    ['index.html.br', options.brotli],
    ['index.html.gz', options.gzip],
  ]
  // nginx's workers run as an unprivileged user when started by root: let them read the documents.
  chmodSync(prefix, 0o755)
  chmodSync(join(prefix, 'html'), 0o755)
  for (const [name, bytes] of files) {
    if (bytes === undefined) continue
    writeFileSync(join(prefix, 'html', name), bytes)
    chmodSync(join(prefix, 'html', name), 0o644)
  }
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes ${options.workers ?? 1};
daemon off;
pid ${prefix}/nginx.pid;
error_log stderr error;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000;
  client_body_temp_path ${prefix}/tmp;
  proxy_temp_path ${prefix}/tmp;
  fastcgi_temp_path ${prefix}/tmp;
  uwsgi_temp_path ${prefix}/tmp;
  scgi_temp_path ${prefix}/tmp;
  map $http_accept_encoding $variant {
    default "";
    ${options.brotli ? '"~*\\bbr\\b" .br;' : ''}
    ${options.gzip ? '"~*\\bgzip\\b" .gz;' : ''}
  }
  map $variant $variant_encoding { default ""; .br br; .gz gzip; }
  server {
    listen 127.0.0.1:${port};
    location / {
      root ${prefix}/html;
      types { }
      default_type "text/html; charset=utf-8";
      add_header Content-Encoding $variant_encoding;
      try_files /index.html$variant =404;
    }
  }
}
`,
  )
  const child = spawn(commandPath('nginx') ?? 'nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}/`
  for (let tries = 0; ; tries++) {
    const served = await fetch(url, { headers: { 'accept-encoding': 'identity' } }).then(
      (response) => (response.ok ? response.arrayBuffer() : undefined),
      () => undefined,
    )
    if (served && Buffer.from(served).equals(Buffer.from(html))) break
    if (tries > 100) throw new Error('nginx did not serve the document (apt-get install -y nginx)')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGQUIT')
      await exited
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}
