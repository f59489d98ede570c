// Measures the browser-facing lake: the Studio's text::query list search over many interviews, a query over HTTP/2+TLS against plain HTTP, a mutation's latency with a hanging webhook target configured, and the certificate's first start. Run: node bench/lake-browser.ts [interviews]
import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createClient } from '@sanity/client'
import { startLake } from '../lake/index.ts'
import { loadOrCreateCertificate } from '../lake/tls/certificate.ts'
import { http2Request, openHttp2Session } from '../tests/lake/http2-client.ts'

const COUNT = Number(process.argv[2] ?? 1000)
const RUNS = 15
const words =
  'queue ledger payments latency backpressure rollout incident platform hiring compiler cache shard replica index schema migration kernel network'.split(
    ' ',
  )

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number
async function time(run: () => Promise<unknown>): Promise<number> {
  const samples: number[] = []
  await run() // warm-up: parse caches, JIT
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

const hang = createServer(() => {}) // accepts and never answers
await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve))
const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-browser-'))
const lake = await startLake({
  port: 0,
  tlsPort: 0,
  dataDir,
  durability: 'normal',
  webhooks: [
    { name: 'hang', url: `http://127.0.0.1:${(hang.address() as AddressInfo).port}/`, filter: '_type == "bench"' },
  ],
  webhookRetry: { timeoutMs: 2000, attempts: 1 },
})
const client = createClient({
  projectId: 'parley',
  dataset: 'production',
  apiVersion: '2025-02-19',
  useProjectHostname: false,
  apiHost: lake.url,
  token: 'parley-local-write-token',
  useCdn: false,
})

for (let start = 0; start < COUNT; start += 200) {
  const transaction = client.transaction()
  for (let i = start; i < Math.min(COUNT, start + 200); i++) {
    const text = Array.from({ length: 300 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ')
    transaction.create({
      _id: `interview-${i}`,
      _type: 'interview',
      title: `Interview ${i} about ${words[i % words.length]}`,
      qa: [1, 2, 3, 4].map((n) => ({
        _key: `q${n}`,
        _type: 'qaBlock',
        question: `Question ${n}?`,
        answer: [{ _type: 'block', _key: 'b', children: [{ _type: 'span', _key: 's', text }] }],
      })),
    })
  }
  await transaction.commit({ visibility: 'async' })
}

const listQuery = `*[_type in $__types] | score(boost(_type in ["interview"] && title match text::query($__query), 10), ([@, _id] match text::query($__query) || references($__rawQuery))) [_score > 0] {_type, _id, _originalId, "orderings": [_score]} | order(orderings[0] desc) [0...$__limit]`
const search = (typed: string) => () =>
  client.fetch(
    listQuery,
    { __types: ['interview'], __query: typed, __rawQuery: typed, __limit: 101 },
    { perspective: 'drafts' },
  )
// What the Studio sends for a document list with an empty search box (sorted by a field, no score()).
const studioDefaultList = () =>
  client.fetch(
    `*[_type in $__types && ([@, _id] match text::query($__query) || references($__rawQuery)) && (_type == $type)] {_type, _id, _originalId, "orderings": [title]} | order(orderings[0] asc) [0...$__limit]`,
    { __types: ['interview'], __query: '*', __rawQuery: '', type: 'interview', __limit: 101 },
    { perspective: 'drafts' },
  )
const plainList = () =>
  client.fetch(
    '*[_type in $types] {_type, _id, _originalId} | order(_id asc) [0...101]',
    { types: ['interview'] },
    { perspective: 'drafts' },
  )
console.log(`${COUNT} interviews of ~2 KB text each; medians of ${RUNS} runs`)
console.log(`  Studio list as opened (no search, by title): ${(await time(studioDefaultList)).toFixed(1)} ms`)
console.log(`  Studio list ranked, no search (text::query "*"): ${(await time(search('*'))).toFixed(1)} ms`)
console.log(`  Studio list, search "backpress*":           ${(await time(search('backpress*'))).toFixed(1)} ms`)
console.log(`  Studio list, search "queue -kernel":        ${(await time(search('queue -kernel'))).toFixed(1)} ms`)
console.log(`  plain list query without text::query:       ${(await time(plainList)).toFixed(1)} ms`)

const small = '*[_type == "interview" && _id == "interview-7"][0]{_id, title}'
const session = await openHttp2Session(lake.tlsUrl as string)
const overH2 = await time(() =>
  http2Request(session, `/v2025-02-19/data/query/production?query=${encodeURIComponent(small)}`),
)
const overHttp = await time(() =>
  fetch(`${lake.url}/v2025-02-19/data/query/production?query=${encodeURIComponent(small)}`).then((r) => r.text()),
)
console.log(
  `  one small query, HTTP/2 over TLS (open session): ${overH2.toFixed(2)} ms; plain HTTP/1.1 (keep-alive): ${overHttp.toFixed(2)} ms`,
)
session.close()

let n = 0
const withoutHook = await time(() => client.create({ _id: `other-${n++}`, _type: 'other' }))
const withHook = await time(() => client.create({ _id: `bench-${n++}`, _type: 'bench' }))
console.log(
  `  create, no webhook matches: ${withoutHook.toFixed(1)} ms; create, webhook to a target that never answers: ${withHook.toFixed(1)} ms`,
)

const certificateDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-cert-'))
let started = performance.now()
await loadOrCreateCertificate(certificateDir)
const created = performance.now() - started
started = performance.now()
await loadOrCreateCertificate(certificateDir)
console.log(
  `  certificate: generated on first start in ${created.toFixed(1)} ms, reused in ${(performance.now() - started).toFixed(1)} ms`,
)
await rm(certificateDir, { recursive: true, force: true })

await lake.close()
hang.closeAllConnections()
hang.close()
await rm(dataDir, { recursive: true, force: true })
