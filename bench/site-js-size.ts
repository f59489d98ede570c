// `node bench/site-js-size.ts`: gzipped JavaScript each reader route makes a browser download, against an empty
// Next.js App Router page built by the same Next.js (goal: within 15 KiB of it). Writes bench/results/site-js-size.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { startSiteUnderTest } from '../tests/e2e/site-support/site-under-test.ts'
import { sample } from '../tests/site/support/sample-content.ts'
import { startEmptyNextApp } from './site-support/empty-next-app.ts'
import { pageJavaScript } from './site-support/page-javascript.ts'

const kib = (bytes: number) => (bytes / 1024).toFixed(1)

const empty = await startEmptyNextApp(39_871)
const baseline = await pageJavaScript(`${empty.url}/`)
await empty.stop()

const site = await startSiteUnderTest()
const routes = [
  '/',
  `/interviews/${sample.interviewSlug}`,
  `/speakers/${sample.speakerSlug}`,
  `/topics/${sample.topicSlug}`,
  `/series/${sample.seriesSlug}`,
  '/search?q=graph',
  '/interviews/no-such-interview',
]
const rows = []
try {
  for (const route of routes) rows.push({ route, ...(await pageJavaScript(`${site.url}${route}`)) })
} finally {
  await site.stop()
}

console.log(
  `empty Next.js page: ${kib(baseline.chunkGzipBytes)} KiB in ${baseline.chunks} chunks + ${kib(baseline.inlineGzipBytes)} KiB inline`,
)
console.log('route'.padEnd(36), 'chunks KiB', ' Δ empty', ' inline KiB', ' total Δ empty')
for (const row of rows) {
  console.log(
    row.route.padEnd(36),
    kib(row.chunkGzipBytes).padStart(10),
    `${row.chunkGzipBytes >= baseline.chunkGzipBytes ? '+' : ''}${kib(row.chunkGzipBytes - baseline.chunkGzipBytes)}`.padStart(
      8,
    ),
    kib(row.inlineGzipBytes).padStart(10),
    `${row.gzipBytes >= baseline.gzipBytes ? '+' : ''}${kib(row.gzipBytes - baseline.gzipBytes)}`.padStart(13),
  )
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/site-js-size.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), baseline, rows }, null, 2),
)
