// `node bench/site-publish-to-live.ts [edits]`: time from a committed mutation in the lake to the updated interview
// page and the index on every `next start` instance and through the caching proxy of the production topology
// (tests/e2e/topology-support), through the real signed webhook; goal ≤ 2 s at p90 for the last of them. Writes
// bench/results/site-publish-to-live.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { startTopologyUnderTest } from '../tests/e2e/topology-support/topology-under-test.ts'
import { sample } from '../tests/site/support/sample-content.ts'

const edits = Number(process.argv[2] ?? 20)
const topology = await startTopologyUnderTest({ instances: 2 })
const servers = [
  { name: 'proxy', url: topology.url },
  ...topology.instances.map((instance) => ({ name: instance.name, url: instance.url })),
]
const paths = { page: `/interviews/${sample.interviewSlug}`, index: '/' }
/** Per publish, per server and path, ms until it served the edit. */
const timings: Record<string, number>[] = []
try {
  for (const server of servers) for (const path of Object.values(paths)) await fetch(`${server.url}${path}`)
  for (let edit = 0; edit < edits; edit++) {
    const title = `Building the graph, take ${edit} ${Date.now()}`
    const started = performance.now()
    await topology.lake.editor.patch('interview-graph').set({ title }).commit()
    const seen: Record<string, number> = {}
    const all = servers.flatMap((server) =>
      Object.entries(paths).map(([key, path]) => [`${server.name} ${key}`, `${server.url}${path}`]),
    )
    while (Object.keys(seen).length < all.length) {
      if (performance.now() - started > 15_000) throw new Error(`edit ${edit} not live everywhere after 15 s`)
      await Promise.all(
        all
          .filter(([key]) => seen[key!] === undefined)
          .map(async ([key, url]) => {
            if ((await (await fetch(url!)).text()).includes(title)) seen[key!] = performance.now() - started
          }),
      )
      await new Promise((r) => setTimeout(r, 20))
    }
    timings.push(seen)
    await topology.lake.webhooks.idle()
    // Publishes a few seconds apart, as editors make them; the proxy's copies age between them.
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000))
  }
} finally {
  await topology.close()
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!
const rows: [string, number[]][] = [
  ...Object.keys(timings[0]!).map((key): [string, number[]] => [key, timings.map((timing) => timing[key]!)]),
  ['everywhere (the last of them)', timings.map((timing) => Math.max(...Object.values(timing)))],
]
for (const [name, values] of rows) {
  console.log(
    `${name.padEnd(30)} median ${percentile(values, 50).toFixed(0).padStart(5)} ms, p90 ${percentile(values, 90).toFixed(0).padStart(5)} ms, max ${Math.max(
      ...values,
    )
      .toFixed(0)
      .padStart(5)} ms over ${values.length} publishes`,
  )
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/site-publish-to-live.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), timings }, null, 2),
)
