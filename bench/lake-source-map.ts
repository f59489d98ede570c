// Benchmark: what a Content Source Map costs on a 100-document query, and how long a mutation takes to reach live.events().
// Run: npm run bench:source-map  (options: --runs N --live-runs N)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type LiveEvent } from '@sanity/client'
import { startLake } from '../lake/index.ts'

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? Number(process.argv[index + 1]) : fallback
}
const RUNS = option('runs', 60)
const LIVE_RUNS = option('live-runs', 30)
const WRITE_TOKEN = 'bench-write-token'

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
}
const ms = (value: number) => `${value.toFixed(2).padStart(7)} ms`

/** The shape the site's interview cards read: joins, arrays of keyed blocks, a computed count. */
const CARDS_QUERY = `*[_type == "interview"] | order(publishedAt desc)[0...100]{
  _id, title, "slug": slug.current, standfirst, publishedAt,
  speaker->{name, "slug": slug.current, role},
  topics[]->{title},
  qa[]{_key, question},
  "wordCount": length(string::split(pt::text(qa[].answer[]), " "))
}`

const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-csm-'))
const lake = await startLake({ port: 0, dataDir, writeToken: WRITE_TOKEN })
const client = createClient({
  projectId: 'parley',
  dataset: 'production',
  apiVersion: '2025-02-19',
  useProjectHostname: false,
  apiHost: lake.url,
  token: WRITE_TOKEN,
  useCdn: false,
})

try {
  const setup = client.transaction()
  for (let p = 0; p < 20; p++)
    setup.create({ _id: `person-${p}`, _type: 'person', name: `Speaker ${p}`, slug: { current: `speaker-${p}` } })
  for (let k = 0; k < 8; k++) setup.create({ _id: `topic-${k}`, _type: 'topic', title: `Topic ${k}` })
  for (let i = 0; i < 100; i++) {
    setup.create({
      _id: `interview-${i}`,
      _type: 'interview',
      title: `Interview ${i}`,
      slug: { current: `interview-${i}` },
      standfirst: `What team ${i % 7} learned shipping release ${i}.`,
      publishedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      speaker: { _type: 'reference', _ref: `person-${i % 20}` },
      topics: [0, 1].map((t) => ({ _key: `t${t}`, _type: 'reference', _ref: `topic-${(i + t) % 8}` })),
      qa: [0, 1, 2, 3].map((q) => ({
        _key: `q${q}`,
        _type: 'qaBlock',
        question: `Question ${q} of interview ${i}?`,
        answer: [
          {
            _key: `b${q}`,
            _type: 'block',
            style: 'normal',
            markDefs: [],
            children: [
              { _key: `s${q}`, _type: 'span', marks: [], text: `An answer of some forty words ${i} ${q}. `.repeat(6) },
            ],
          },
        ],
      })),
    })
  }
  await setup.commit({ visibility: 'sync' })

  const plain = () => client.fetch(CARDS_QUERY, {}, { filterResponse: false })
  const mapped = () => client.fetch(CARDS_QUERY, {}, { filterResponse: false, resultSourceMap: 'withKeyArraySelector' })
  const [plainAnswer, mappedAnswer] = (await Promise.all([plain(), mapped()])) as {
    result: unknown[]
    resultSourceMap: { mappings: object }
  }[]
  if (JSON.stringify(plainAnswer?.result) !== JSON.stringify(mappedAnswer?.result))
    throw new Error('the result differs with a source map')
  for (let i = 0; i < 20; i++) await Promise.all([plain(), mapped()])

  // Interleaved, so both see the same machine load.
  const without: number[] = []
  const withMap: number[] = []
  // The lake's own `ms` (evaluation, and the map, without HTTP and JSON).
  const serverWithout: number[] = []
  const serverWith: number[] = []
  for (let i = 0; i < RUNS; i++) {
    for (const [work, samples, server] of [
      [plain, without, serverWithout],
      [mapped, withMap, serverWith],
    ] as const) {
      const started = performance.now()
      const answer = (await work()) as { ms: number }
      samples.push(performance.now() - started)
      server.push(answer.ms)
    }
  }
  const kib = (answer: unknown) => (Buffer.byteLength(JSON.stringify(answer)) / 1024).toFixed(0)
  const base = percentile(without, 0.5)
  const withMedian = percentile(withMap, 0.5)
  console.log(
    `Source map on a ${plainAnswer?.result.length}-document query (${Object.keys(mappedAnswer?.resultSourceMap.mappings ?? {}).length} mappings), ${RUNS} runs each over HTTP with @sanity/client:`,
  )
  console.log(`  without resultSourceMap   median ${ms(base)}   p90 ${ms(percentile(without, 0.9))}`)
  console.log(`  withKeyArraySelector      median ${ms(withMedian)}   p90 ${ms(percentile(withMap, 0.9))}`)
  console.log(
    `  overhead                  ${ms(withMedian - base)}   ${(withMedian / base).toFixed(2)}× the plain query`,
  )
  const [serverBase, serverMapped] = [percentile(serverWithout, 0.5), percentile(serverWith, 0.5)]
  console.log(
    `  in the lake (its ms)      ${ms(serverBase)} → ${ms(serverMapped)}   body ${kib(plainAnswer)} KiB → ${kib(mappedAnswer)} KiB`,
  )

  // Live events: from sending a mutation to the message on an open live.events() stream.
  const waiting: ((event: LiveEvent) => void)[] = []
  const subscription = client.live.events().subscribe((event) => waiting.shift()?.(event))
  await new Promise<void>((resolve) => waiting.push(() => resolve()))
  const toEvent: number[] = []
  const toAnswer: number[] = []
  for (let i = 0; i < LIVE_RUNS; i++) {
    const arrived = new Promise<number>((resolve) => waiting.push(() => resolve(performance.now())))
    const started = performance.now()
    await client
      .patch(`interview-${i % 100}`)
      .set({ standfirst: `Edited ${i}` })
      .commit({ returnDocuments: false })
    toAnswer.push(performance.now() - started)
    toEvent.push((await arrived) - started)
  }
  subscription.unsubscribe()
  const answered = percentile(toAnswer, 0.5)
  const delivered = percentile(toEvent, 0.5)
  console.log(`\nLive event delay, ${LIVE_RUNS} mutations (one document patched each time):`)
  console.log(`  mutation → its HTTP answer      median ${ms(answered)}   p90 ${ms(percentile(toAnswer, 0.9))}`)
  console.log(
    `  mutation → live.events message  median ${ms(delivered)}   p90 ${ms(percentile(toEvent, 0.9))}   max ${ms(Math.max(...toEvent))}   (${(delivered / answered).toFixed(2)}× the answer; goal < 1000 ms)`,
  )
} finally {
  await lake.close()
  rmSync(dataDir, { recursive: true, force: true })
}
