// Nothing the site loads patches Node, Next.js or a library at run time: no prototype or global replaced, no response
// method wrapped. Speed comes from the cache in front; behaviour from documented extension points.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = process.cwd()

/** What the site's server process loads of ours: its routes and libraries, the proxy, the config, the cache handler. */
const loadedBySite = ['app', 'lib', 'deploy', 'proxy.ts', 'middleware.ts', 'instrumentation.ts', 'next.config.js']

/** Each kind of patch, by how its assignment reads. */
const patches: [string, RegExp][] = [
  ['a prototype member replaced', /\bprototype(\.[\w$]+|\[[^\]]+\])\s*=(?!=)/],
  [
    'a prototype or global redefined',
    /Object\.(defineProperty|defineProperties|assign|setPrototypeOf)\(\s*([\w$.]+\.prototype|globalThis|global|Buffer|process|console)\b/,
  ],
  [
    'a built-in replaced',
    /\b(Buffer|globalThis|global|http|https|net|zlib|Response|Request|Headers|JSON|Date|Promise|console|fetch)\.[\w$]+\s*=(?!=)/,
  ],
  ['a global replaced', /\b(globalThis|global)\s*\.\s*(fetch|Buffer|setTimeout|Response|Request)\b\s*=(?!=)/],
  ['a response method wrapped', /\b(res|response|reply|server)\.(write|end|writeHead|setHeader|emit|on)\s*=(?!=)/],
]

function sourceFiles(path: string): string[] {
  const full = join(root, path)
  if (!existsSync(full)) return []
  if (statSync(full).isFile()) return /\.(m?[jt]sx?)$/.test(path) ? [path] : []
  return readdirSync(full).flatMap((entry) => sourceFiles(join(path, entry)))
}

function patchesIn(source: string): string[] {
  return patches.filter(([, pattern]) => pattern.test(source)).map(([kind]) => kind)
}

test('nothing the site loads patches a prototype, a global or a response method', () => {
  const files = loadedBySite.flatMap(sourceFiles)
  expect(files.length).toBeGreaterThan(50)
  expect(files).toContain('proxy.ts')
  expect(files).toContain('deploy/cache-handler.ts')
  const found = files.flatMap((file) =>
    patchesIn(readFileSync(join(root, file), 'utf8')).map((kind) => `${file}: ${kind}`),
  )
  expect(found).toEqual([])
  // Next's instrumentation hook is where the removed patches were installed; it stays gone.
  expect(existsSync(join(root, 'instrumentation.ts'))).toBe(false)
})

test('the check finds each kind of patch the site used to install', () => {
  for (const line of [
    'prototype.emit = function (event, ...args) {}',
    'Server.prototype.emit = patched',
    'Buffer.byteLength = function (value, encoding) {}',
    'res.end = function (...args) {}',
    'res.writeHead = function (statusCode, ...rest) {}',
    'response.write = wrapped',
    'globalThis.fetch = instrumentedFetch',
    "Object.defineProperty(http.ServerResponse.prototype, 'end', { value })",
  ]) {
    expect([line, patchesIn(line).length > 0]).toEqual([line, true])
  }
  for (const line of ['if (res.end === undefined) {}', 'const end = res.end', 'headers.set("a", "b")']) {
    expect([line, patchesIn(line)]).toEqual([line, []])
  }
})
