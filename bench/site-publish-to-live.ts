// `node bench/site-publish-to-live.ts [edits]`: time from a committed mutation in the lake to `next start` serving the
// updated interview page (goal ≤ 2 s), through the real signed webhook. Writes bench/results/site-publish-to-live.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { startSiteUnderTest } from '../tests/e2e/site-support/site-under-test.ts'
import { sample } from '../tests/site/support/sample-content.ts'

const edits = Number(process.argv[2] ?? 10)
const site = await startSiteUnderTest()
const pageUrl = `${site.url}/interviews/${sample.interviewSlug}`
const timings: { page: number; index: number }[] = []
try {
  await fetch(pageUrl)
  for (let edit = 0; edit < edits; edit++) {
    const title = `Building the graph, take ${edit} ${Date.now()}`
    const started = performance.now()
    await site.lake.editor.patch('interview-graph').set({ title }).commit()
    const seen: { page?: number; index?: number } = {}
    while (seen.page === undefined || seen.index === undefined) {
      if (performance.now() - started > 15_000) throw new Error(`edit ${edit} not live after 15 s`)
      const [page, index] = await Promise.all([
        fetch(pageUrl).then((r) => r.text()),
        fetch(`${site.url}/`).then((r) => r.text()),
      ])
      if (seen.page === undefined && page.includes(title)) seen.page = performance.now() - started
      if (seen.index === undefined && index.includes(title)) seen.index = performance.now() - started
      await new Promise((r) => setTimeout(r, 20))
    }
    timings.push({ page: seen.page!, index: seen.index! })
    await site.lake.webhooks.idle()
    await new Promise((r) => setTimeout(r, 300))
  }
} finally {
  await site.stop()
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const percentile = (values: number[], p: number) =>
  sorted(values)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!
for (const key of ['page', 'index'] as const) {
  const values = timings.map((timing) => timing[key])
  console.log(
    `${key.padEnd(6)} median ${percentile(values, 50).toFixed(0)} ms, p90 ${percentile(values, 90).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms over ${values.length} publishes`,
  )
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/site-publish-to-live.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), timings }, null, 2),
)
