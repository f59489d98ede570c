// Benchmark: lake query latency over HTTP vs groq-js in memory on 100,000 interviews, and durable transactions/s.
// Run: npm run bench:lake  (options: --interviews N --people N; --writes-only skips the query part)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@sanity/client'
import { evaluate, parse } from 'groq-js'
import { startLake } from '../lake/index.ts'
import { mutate } from '../lake/mutations/mutate.ts'

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`)
  return index >= 0 ? Number(process.argv[index + 1]) : fallback
}
const WRITES_ONLY = process.argv.includes('--writes-only')
const INTERVIEWS = flag('interviews', 100_000)
const PEOPLE = flag('people', 2_000)
const TOPICS = 40
const SERIES = 300
const WRITE_TOKEN = 'bench-write-token'

/** A deterministic pseudo-random sequence so every run measures the same content. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296
    return state / 4294967296
  }
}
const next = random(42)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
const words =
  'latency queue payments scaling review mentor compiler kernel design interview platform team oncall incident data search cache index rollout migration'.split(
    ' ',
  )
const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ')

function person(i: number) {
  return {
    _id: `person-${i}`,
    _type: 'person',
    name: `Person ${i}`,
    slug: { _type: 'slug', current: `person-${i}` },
    role: pick(['Staff Engineer', 'Engineering Manager', 'SRE', 'Designer']),
    team: pick(['Payments', 'Search', 'Platform']),
    bio: sentence(20),
  }
}

function interview(i: number) {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 10 * 365 * 86400) * 1000).toISOString()
  return {
    _id: `interview-${i}`,
    _type: 'interview',
    title: `Interview ${i}: ${sentence(5)}`,
    slug: { _type: 'slug', current: `interview-${i}` },
    standfirst: sentence(25),
    speaker: { _type: 'reference', _ref: `person-${Math.floor(next() * PEOPLE)}` },
    interviewer: { _type: 'reference', _ref: `person-${Math.floor(next() * PEOPLE)}` },
    topics: [0, 1].map((k) => ({ _type: 'reference', _ref: `topic-${Math.floor(next() * TOPICS)}`, _key: `t${k}` })),
    // A third of interviews belong to a series (about 110 per series).
    ...(next() < 1 / 3 ? { series: { _type: 'reference', _ref: `series-${Math.floor(next() * SERIES)}` } } : {}),
    publishedAt: day,
    featured: next() < 0.05,
    seo: { title: `Interview ${i}`, description: sentence(12) },
    qa: [0, 1, 2].map((q) => ({
      _type: 'qaBlock',
      _key: `q${q}`,
      question: `${sentence(8)}?`,
      answer: [
        {
          _type: 'block',
          _key: `b${q}`,
          style: 'normal',
          markDefs: [],
          children: [{ _type: 'span', _key: `s${q}`, text: sentence(40), marks: [] }],
        },
      ],
    })),
  }
}

/**
 * Runs `writers` fetch loops of single-document creates in a child process for `ms`; resolves with the
 * count and the child's own elapsed time (so the child's start-up does not count against the rate).
 */
async function externalWriters(url: string, writers: number, ms: number): Promise<{ count: number; seconds: number }> {
  const { spawn } = await import('node:child_process')
  const script = `
    const started = Date.now(); const deadline = started + ${ms}; let count = 0
    const body = (id) => JSON.stringify({ mutations: [{ create: { _id: id, _type: 'note' } }] })
    await Promise.all(Array.from({ length: ${writers} }, async (_, w) => {
      while (Date.now() < deadline) {
        const res = await fetch('${url}/v2025-02-19/data/mutate/production', { method: 'POST', headers: { authorization: 'Bearer ${WRITE_TOKEN}', 'content-type': 'application/json' }, body: body('ext-' + w + '-' + count) })
        if (!res.ok) throw new Error(await res.text())
        await res.text(); count++
      }
    }))
    console.log(count, (Date.now() - started) / 1000)`
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await new Promise((resolve) => child.once('exit', resolve))
  const [count, seconds] = output.trim().split(' ').map(Number)
  return { count: count ?? 0, seconds: seconds ?? 1 }
}

/** CPU time used by this process (user + system): a measure that does not depend on how busy the machine is. */
const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

/** Median of `runs` timings, or of those that fit in `budgetMs` (at least 5): a slow plan must not stall the run. */
async function time(runs: number, work: () => Promise<unknown>, budgetMs = 5000): Promise<number> {
  const samples: number[] = []
  const deadline = performance.now() + budgetMs
  for (let i = 0; i < runs && (i < 5 || performance.now() < deadline); i++) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  return median(samples)
}

const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'))
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
  if (!WRITES_ONLY) {
    console.log(`Loading ${PEOPLE} people, ${TOPICS} topics and ${INTERVIEWS} interviews over HTTP…`)
    const loadStarted = performance.now()
    const batch = async (docs: Record<string, unknown>[]) => {
      const tx = client.transaction()
      for (const doc of docs) tx.create(doc as never)
      await tx.commit({ returnDocuments: false, visibility: 'async' })
    }
    await batch([
      ...Array.from({ length: PEOPLE }, (_, i) => person(i)),
      ...Array.from({ length: TOPICS }, (_, i) => ({ _id: `topic-${i}`, _type: 'topic', title: `Topic ${i}` })),
      ...Array.from({ length: SERIES }, (_, i) => ({ _id: `series-${i}`, _type: 'series', title: `Series ${i}` })),
    ])
    let speakerId = ''
    for (let start = 0; start < INTERVIEWS; start += 1000) {
      const docs = Array.from({ length: Math.min(1000, INTERVIEWS - start) }, (_, k) => interview(start + k))
      speakerId ||= docs[0]?.speaker._ref ?? ''
      await batch(docs)
    }
    console.log(`Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`)

    const queries = [
      {
        name: '(a) slug lookup',
        query: '*[_type == "interview" && slug.current == $slug][0]{title, "speaker": speaker->name}',
        params: { slug: `interview-${Math.floor(INTERVIEWS / 2)}` },
        runs: 300,
        goalRatio: 50,
        goalMs: 2,
      },
      {
        name: '(b) latest 20 with speaker',
        query:
          '*[_type == "interview"] | order(publishedAt desc)[0...20]{title, "slug": slug.current, publishedAt, "speaker": speaker->name}',
        params: {},
        runs: 100,
        goalRatio: 10,
        goalMs: 0,
      },
      {
        name: '(c) by one speaker',
        query:
          '*[_type == "interview" && speaker._ref == $speaker] | order(publishedAt desc){title, "slug": slug.current, publishedAt}',
        params: { speaker: speakerId },
        runs: 100,
        goalRatio: 10,
        goalMs: 0,
      },
      {
        name: '(d) a speaker, latest 10',
        query: '*[_type == "interview" && speaker._ref == $p] | order(publishedAt desc)[0...10]{title}',
        params: { p: speakerId },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
      {
        name: '(e) one week, latest 20',
        query:
          '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc)[0...20]{title}',
        params: { from: '2020-03-02T00:00:00.000Z', to: '2020-03-09T00:00:00.000Z' },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
      {
        name: '(f) one month archive',
        query:
          '*[_type == "interview" && publishedAt >= $from && publishedAt < $to] | order(publishedAt desc){title, "slug": slug.current}',
        params: { from: '2020-03-01T00:00:00.000Z', to: '2020-04-01T00:00:00.000Z' },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
      {
        name: '(g) a topic, latest 10',
        query: '*[_type == "interview" && references($topic)] | order(publishedAt desc)[0...10]{title}',
        params: { topic: 'topic-7' },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
      {
        name: '(h) a series, in order',
        query: '*[_type == "interview" && series._ref == $series] | order(publishedAt asc)[0...10]{title}',
        params: { series: 'series-17' },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
      {
        name: '(i) count of a topic',
        query: 'count(*[_type == "interview" && references($topic)])',
        params: { topic: 'topic-7' },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
      {
        name: '(j) count of one week',
        query: 'count(*[_type == "interview" && publishedAt >= $from && publishedAt < $to])',
        params: { from: '2020-03-02T00:00:00.000Z', to: '2020-03-09T00:00:00.000Z' },
        runs: 100,
        goalRatio: 100,
        goalMs: 0,
      },
    ]

    // The lake is measured first, before this process holds 100,000 documents in memory for groq-js
    // (a heap that size makes every garbage collection, and so every HTTP round trip here, slower).
    const lakeAnswers: { result: unknown; ms: number }[] = []
    for (const q of queries) {
      const warmUntil = performance.now() + 2000
      for (let i = 0; i < 20 && (i < 2 || performance.now() < warmUntil); i++) await client.fetch(q.query, q.params)
      const result = await client.fetch(q.query, q.params)
      lakeAnswers.push({ result, ms: await time(q.runs, () => client.fetch(q.query, q.params)) })
    }

    console.log(
      '\nQuery medians (lake over HTTP with @sanity/client vs groq-js over all documents in memory, same run):',
    )
    let inMemory: unknown[] | null = lake.store.allDocuments('production')
    for (const [index, q] of queries.entries()) {
      const tree = parse(q.query)
      const lakeAnswer = lakeAnswers[index] as { result: unknown; ms: number }
      const fromGroq = await (await evaluate(tree, { dataset: inMemory, params: q.params })).get()
      if (JSON.stringify(lakeAnswer.result) !== JSON.stringify(fromGroq))
        throw new Error(`${q.name}: the lake and groq-js disagree`)
      const groqMs = await time(7, async () => (await evaluate(tree, { dataset: inMemory, params: q.params })).get())
      const ratio = groqMs / lakeAnswer.ms
      const goal = `goal ≥ ${q.goalRatio}×${q.goalMs ? ` and ≤ ${q.goalMs} ms` : ''}`
      const met = ratio >= q.goalRatio && (!q.goalMs || lakeAnswer.ms <= q.goalMs)
      console.log(
        `  ${q.name.padEnd(28)} lake ${lakeAnswer.ms.toFixed(2).padStart(7)} ms   groq-js ${groqMs.toFixed(1).padStart(7)} ms   ${ratio.toFixed(0).padStart(5)}× faster   (${goal}: ${met ? 'met' : 'NOT met'})`,
      )
    }
    inMemory = null
  }
  await lake.close()

  console.log('\nSingle-document transactions per second (each one committed before its answer):')
  for (const durability of ['normal', 'full'] as const) {
    const txDir = mkdtempSync(join(tmpdir(), 'parley-bench-tx-'))
    const txLake = await startLake({ port: 0, dataDir: txDir, writeToken: WRITE_TOKEN, durability })
    const writer = createClient({
      projectId: 'parley',
      dataset: 'production',
      apiVersion: '2025-02-19',
      useProjectHostname: false,
      apiHost: txLake.url,
      token: WRITE_TOKEN,
      useCdn: false,
    })
    try {
      for (const inFlight of [1, 8]) {
        let count = 0
        const cpuBefore = process.cpuUsage()
        const started = performance.now()
        const deadline = started + 3000
        await Promise.all(
          Array.from({ length: inFlight }, async (_, worker) => {
            while (performance.now() < deadline) {
              await writer.create(
                { _id: `tx-${inFlight}-${worker}-${count}`, _type: 'note', n: count },
                { returnDocuments: false },
              )
              count++
            }
          }),
        )
        const perSecond = count / ((performance.now() - started) / 1000)
        const perCpuSecond = count / cpuSeconds(process.cpuUsage(cpuBefore))
        const label =
          durability === 'normal'
            ? 'synchronous=NORMAL (default; survives kill -9)'
            : 'synchronous=FULL (fsync per commit; survives power loss)'
        console.log(
          `  ${label.padEnd(58)} ${inFlight} in flight: ${perSecond.toFixed(0).padStart(5)} transactions/s (goal ≥ 1,000/s: ${perSecond >= 1000 ? 'met' : 'NOT met'}); ${perCpuSecond.toFixed(0)} per CPU-second of this process (client + lake)`,
        )
      }
      // Load from a separate process (plain fetch), so this process's CPU time is the lake's alone.
      {
        const cpuBefore = process.cpuUsage()
        const { count, seconds } = await externalWriters(txLake.url, 8, 3000)
        const perSecond = count / seconds
        const perLakeCpuSecond = count / cpuSeconds(process.cpuUsage(cpuBefore))
        console.log(
          `  ${''.padEnd(58)} 8 in flight from another process (fetch): ${perSecond.toFixed(0).padStart(5)} transactions/s; ${perLakeCpuSecond.toFixed(0)} per CPU-second of the lake`,
        )
      }
      // The same transactions without HTTP or the client: what the store itself sustains.
      const access = { role: 'editor', identity: 'bench', readPublished: true, readDrafts: true, write: true } as const
      let count = 0
      const cpuBefore = process.cpuUsage()
      const started = performance.now()
      while (performance.now() < started + 3000) {
        await mutate(
          txLake.context,
          { mutations: [{ create: { _id: `direct-${count}`, _type: 'note', n: count } }] },
          { dataset: 'production', access, returnDocuments: false, dryRun: false, autoGenerateArrayKeys: false },
        )
        count++
      }
      const perSecond = count / ((performance.now() - started) / 1000)
      const perCpuSecond = count / cpuSeconds(process.cpuUsage(cpuBefore))
      console.log(
        `  ${''.padEnd(58)} in-process (mutate(), no HTTP): ${perSecond.toFixed(0).padStart(5)} transactions/s; ${perCpuSecond.toFixed(0)} per CPU-second`,
      )
    } finally {
      await txLake.close()
      rmSync(txDir, { recursive: true, force: true })
    }
  }
  // Reference: the same writer process against a bare node:http server that only reads the body and answers.
  {
    const { createServer } = await import('node:http')
    const bare = createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end('{"transactionId":"x","results":[]}')
      })
    })
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
    const { count, seconds } = await externalWriters(
      `http://127.0.0.1:${(bare.address() as { port: number }).port}`,
      8,
      3000,
    )
    console.log(
      `  reference: a bare node:http server that stores nothing, same writer process: ${(count / seconds).toFixed(0)} requests/s`,
    )
    bare.close()
    bare.closeAllConnections()
  }

  console.log(
    `\n(load average while measuring: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} on ${(await import('node:os')).cpus().length} cores)`,
  )
} finally {
  await lake.close()
  rmSync(dataDir, { recursive: true, force: true })
}
