// Serves one HTML document from nginx, to show what the same bytes cost from a plain static server.
import { spawn } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function serveWithNginx(html: string, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const prefix = mkdtempSync(join(tmpdir(), 'parley-bench-nginx-'))
  mkdirSync(join(prefix, 'html'))
  mkdirSync(join(prefix, 'logs'))
  writeFileSync(join(prefix, 'html', 'index.html'), html)
  // nginx's workers run as an unprivileged user when started by root: let them read the document.
  chmodSync(prefix, 0o755)
  chmodSync(join(prefix, 'html'), 0o755)
  chmodSync(join(prefix, 'html', 'index.html'), 0o644)
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log stderr error;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp;
  proxy_temp_path ${prefix}/tmp;
  fastcgi_temp_path ${prefix}/tmp;
  uwsgi_temp_path ${prefix}/tmp;
  scgi_temp_path ${prefix}/tmp;
  server {
    listen 127.0.0.1:${port};
    location / { root ${prefix}/html; default_type text/html; try_files /index.html =404; }
  }
}
`,
  )
  const child = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}/`
  for (let tries = 0; ; tries++) {
    const served = await fetch(url).then(
      (response) => (response.ok ? response.text() : undefined),
      () => undefined,
    )
    if (served === html) break
    if (tries > 100) throw new Error('nginx did not serve the document (apt-get install -y nginx-light)')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGQUIT')
      await exited
      rmSync(prefix, { recursive: true, force: true })
    },
  }
}
