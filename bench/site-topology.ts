// `node bench/site-topology.ts [seconds] [rounds]`: the production topology (tests/e2e/topology-support) under wrk. A
// cached interview through the caching proxy against the same bytes as a static file from nginx with the same workers
// (goal ≥ 0.9×): as it is, as a browser asks (brotli), and as a browser asks while the interview is published every
// 2 s (the proxy's invalidation in force: it keeps a copy 1 s, then 1 s stale while it fetches the new one). Prints
// requests/s and nginx's CPU per request (which other load on the shared machine moves less), each as a ratio. Writes
// bench/results/site-topology.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { rawResponse } from '../tests/site/support/raw-response.ts'
import { sample } from '../tests/site/support/sample-content.ts'
import { startTopologyUnderTest } from '../tests/e2e/topology-support/topology-under-test.ts'
import { freePort } from '../scripts/cluster/ports.ts'
import { serveWithNginx } from './site-support/nginx-static.ts'
import { runWrk, type WrkResult } from './site-support/wrk.ts'

const seconds = Number(process.argv[2] ?? 10)
const rounds = Number(process.argv[3] ?? 3)
const load = { seconds, connections: 32, threads: 1 }
const browserEncodings = 'gzip, deflate, br'

type Target = {
  name: string
  url: string
  serverPid: number
  acceptEncoding?: string
  publishing?: boolean
  baseline: string
}

const stops: (() => Promise<void>)[] = []
const results: Record<string, WrkResult> = {}
const bytes: Record<string, number> = {}
let publishes = 0
try {
  const topology = await startTopologyUnderTest({ instances: 2 })
  stops.push(() => topology.close())
  const pageUrl = `${topology.url}/interviews/${sample.interviewSlug}`
  // Until the proxy answers from its copy of each encoding.
  for (const acceptEncoding of ['identity', browserEncodings]) {
    for (let tries = 0; (await rawResponse(pageUrl, acceptEncoding)).headers['x-cache-status'] !== 'HIT'; tries++) {
      if (tries > 50) throw new Error('the proxy never answered from its cache')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const identity = (await rawResponse(pageUrl, 'identity')).body
  const brotli = (await rawResponse(pageUrl, browserEncodings)).body
  const gzip = (await rawResponse(pageUrl, 'gzip')).body
  const nginx = await serveWithNginx(identity, await freePort(), { workers: 'auto', brotli, gzip })
  stops.push(() => nginx.stop())

  const proxyPid = topology.proxy.server.child.pid!
  const targets: Target[] = [
    { name: 'static file (nginx)', url: nginx.url, serverPid: nginx.pid, baseline: 'static file (nginx)' },
    { name: 'interview (proxy)', url: pageUrl, serverPid: proxyPid, baseline: 'static file (nginx)' },
    {
      name: 'static file, brotli',
      url: nginx.url,
      serverPid: nginx.pid,
      acceptEncoding: browserEncodings,
      baseline: 'static file, brotli',
    },
    {
      name: 'interview (proxy), brotli',
      url: pageUrl,
      serverPid: proxyPid,
      acceptEncoding: browserEncodings,
      baseline: 'static file, brotli',
    },
    {
      name: 'same, publishing every 2 s',
      url: pageUrl,
      serverPid: proxyPid,
      acceptEncoding: browserEncodings,
      publishing: true,
      baseline: 'static file, brotli',
    },
  ]
  for (const target of targets)
    bytes[target.name] = (await rawResponse(target.url, target.acceptEncoding ?? 'identity')).body.length
  for (const target of targets)
    await runWrk(target.url, {
      ...load,
      seconds: 3,
      ...(target.acceptEncoding ? { acceptEncoding: target.acceptEncoding } : {}),
    })

  // Interleaved rounds, best of each, so a burst of load from elsewhere on the machine does not decide the ratio.
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      let publishing: Promise<void> | undefined
      let running = true
      if (target.publishing) {
        publishing = (async () => {
          while (running) {
            await topology.lake.editor
              .patch('interview-graph')
              .set({ title: `Building the graph, publish ${publishes++}` })
              .commit()
            await new Promise((resolve) => setTimeout(resolve, 2000))
          }
        })()
      }
      const result = await runWrk(target.url, {
        ...load,
        serverPid: target.serverPid,
        ...(target.acceptEncoding ? { acceptEncoding: target.acceptEncoding } : {}),
      })
      running = false
      await publishing
      if (!results[target.name] || result.requestsPerSecond > results[target.name]!.requestsPerSecond) {
        results[target.name] = result
      }
    }
  }

  console.log(
    `wrk -t${load.threads} -c${load.connections} -d${seconds}s, best of ${rounds} interleaved rounds, on 127.0.0.1 (client, nginx and instances share the machine's cores)`,
  )
  for (const target of targets) {
    const result = results[target.name]!
    console.log(
      target.name.padEnd(30),
      `${(bytes[target.name]! / 1024).toFixed(1).padStart(5)} KiB`,
      `${result.requestsPerSecond.toFixed(0).padStart(7)} req/s`,
      `${(result.requestsPerSecond / results[target.baseline]!.requestsPerSecond).toFixed(2).padStart(5)}× ${target.baseline}`,
      `avg ${result.latencyAvgMs.toFixed(2)} ms`,
      `p99 ${result.latencyP99Ms.toFixed(2)} ms`,
      `nginx CPU ${result.serverCpuMsPerRequest!.toFixed(4)} ms/request (${(result.serverCpuMsPerRequest! / results[target.baseline]!.serverCpuMsPerRequest!).toFixed(2)}×)`,
      result.non2xx ? `(${result.non2xx} non-2xx!)` : '',
    )
  }
  console.log(`${publishes} publishes during the publishing rounds`)
} finally {
  for (const stop of stops.reverse()) await stop()
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/site-topology.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), load, rounds, bytes, results, publishes }, null, 2),
)
