// An empty Next.js App Router app (a layout and a page that render almost nothing), built and served by the same
// Next.js as the site: the baseline for the site's JavaScript and throughput figures. Optionally it also has pages with
// nothing on them but text, sized to a given HTML length: `/padded`, a static page of plain ASCII (what Next.js serves
// at that size), and `/padded-isr/one`, the same text on a route of the site's kind (dynamic, with
// `generateStaticParams` and `revalidate`).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = process.cwd()
const nextBin = join(root, 'node_modules/next/dist/bin/next')
// Inside the project (and git-ignored) so Turbopack finds next in the project's node_modules.
export const emptyAppDir = '.data/bench-empty-app'

function write(path: string, text: string): void {
  mkdirSync(join(root, emptyAppDir, path, '..'), { recursive: true })
  writeFileSync(join(root, emptyAppDir, path), text)
}

export type RunningApp = { url: string; pid: number; stop(): Promise<void> }

/** `paddedPageBytes`: the HTML length `/padded` should come close to (its text is in the HTML and the RSC payload). */
export async function startEmptyNextApp(port: number, options: { paddedPageBytes?: number } = {}): Promise<RunningApp> {
  write('package.json', '{"name":"empty-next-app","private":true,"type":"module"}\n')
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        target: 'ES2023',
        lib: ['dom', 'ES2023'],
        module: 'esnext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        isolatedModules: true,
        allowJs: true,
        esModuleInterop: true,
        plugins: [{ name: 'next' }],
      },
      include: ['**/*.ts', '**/*.tsx'],
      exclude: ['node_modules'],
    }),
  )
  write(
    'app/layout.tsx',
    'export default function RootLayout({ children }: { children: React.ReactNode }) { return <html lang="en"><body>{children}</body></html> }\n',
  )
  write('app/page.tsx', 'export default function Page() { return <main>Empty</main> }\n')
  // Like the site, it computes no ETag (Next hashes the whole HTML for it); the empty page's 4 KB cost little to hash.
  write('next.config.js', 'export default { generateEtags: false }\n')
  rmSync(join(root, emptyAppDir, 'app/padded'), { recursive: true, force: true })
  rmSync(join(root, emptyAppDir, 'app/padded-isr'), { recursive: true, force: true })
  if (options.paddedPageBytes) {
    // The empty page's HTML is ~4.3 KB; the text appears twice, once as HTML and once in the inline RSC payload.
    const repeats = Math.max(0, Math.round((options.paddedPageBytes - 4_300) / 2 / 24))
    write(
      'app/padded/page.tsx',
      `export default function Page() { return <main><p>${'Plain words of padding. '.repeat(repeats)}</p></main> }\n`,
    )
    write(
      'app/padded-isr/[slug]/page.tsx',
      [
        'export const revalidate = 3600',
        "export async function generateStaticParams() { return [{ slug: 'one' }] }",
        `export default function Page() { return <main><p>${'Plain words of padding. '.repeat(repeats)}</p></main> }`,
        '',
      ].join('\n'),
    )
  }
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' } as NodeJS.ProcessEnv
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [nextBin, 'build', emptyAppDir], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    build.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the empty app failed (${code})`)),
    )
  })
  const child: ChildProcess = spawn(
    process.execPath,
    [nextBin, 'start', emptyAppDir, '-p', String(port), '-H', '127.0.0.1'],
    { cwd: root, env, stdio: 'ignore' },
  )
  const url = `http://127.0.0.1:${port}`
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) break
    } catch {
      if (tries > 300) throw new Error('the empty app did not start')
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}
