// `npm run cluster` checks what it needs before it starts anything: the Debian packages it lacks are named, and a bad
// --instances is refused, in one line each.
import { spawnSync } from 'node:child_process'
import { brotliModule, commandPath, missingPackages } from '../../scripts/cluster/requirements.ts'

test('names each missing Debian package, and none when everything is there', () => {
  const nothing = { command: () => undefined, file: () => false }
  expect(missingPackages(nothing)).toEqual(['nginx', 'libnginx-mod-http-brotli-filter', 'redis-server'])
  const noBrotli = { command: (name: string) => `/usr/sbin/${name}`, file: (path: string) => path !== brotliModule }
  expect(missingPackages(noBrotli)).toEqual(['libnginx-mod-http-brotli-filter'])
  const everything = { command: (name: string) => `/usr/sbin/${name}`, file: () => true }
  expect(missingPackages(everything)).toEqual([])
  expect(commandPath('parley-no-such-program')).toBeUndefined()
  expect(commandPath('sh')).toMatch(/\/sh$/)
})

test('refuses an --instances that is not a whole number from 1 to 16, starting nothing', () => {
  for (const value of ['two']) {
    const run = spawnSync(process.execPath, ['scripts/cluster.ts', '--instances', value], { encoding: 'utf8' })
    expect([value, run.status, run.stderr.trim()]).toEqual([
      value,
      2,
      `--instances takes a whole number from 1 to 16, not "${value}".`,
    ])
  }
})
