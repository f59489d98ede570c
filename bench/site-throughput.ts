// `node bench/site-throughput.ts [seconds] [rounds]`: requests/s and latency of a cached interview page from
// `next start`, against an empty Next.js page (same Next.js, its own server), a page of that empty app padded with plain
// text to the interview's HTML size (what Next.js does with that many bytes and no components), the same padding on a
// dynamic ISR route like the interview's, and the same interview HTML from nginx, in one run; then the empty page and
// the interview as a browser asks for them (Accept-Encoding: gzip, deflate, br), compressed by Next (gzip). Quote the
// ratios; `next start` alone is not where a busy site's reads land (bench/site-topology.ts measures the proxy that is).
// Writes bench/results/site-throughput.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { startSiteUnderTest } from '../tests/e2e/site-support/site-under-test.ts'
import { rawResponse } from '../tests/site/support/raw-response.ts'
import { sample } from '../tests/site/support/sample-content.ts'
import { startEmptyNextApp } from './site-support/empty-next-app.ts'
import { serveWithNginx } from './site-support/nginx-static.ts'
import { runWrk, type WrkResult } from './site-support/wrk.ts'

const seconds = Number(process.argv[2] ?? 10)
const rounds = Number(process.argv[3] ?? 3)
const load = { seconds, connections: 32, threads: 1 }

const browser = 'as a browser asks'
const browserEncodings = 'gzip, deflate, br'

const stops: (() => Promise<void>)[] = []
const results: Record<string, WrkResult> = {}
const htmlBytes: Record<string, number> = {}
try {
  const site = await startSiteUnderTest()
  stops.push(() => site.stop())
  const interviewUrl = `${site.url}/interviews/${sample.interviewSlug}`
  const html = await (await fetch(interviewUrl)).text()
  const empty = await startEmptyNextApp(39_872, { paddedPageBytes: Buffer.byteLength(html) })
  stops.push(() => empty.stop())
  const nginx = await serveWithNginx(html, 39_873)
  stops.push(() => nginx.stop())
  const targets: [name: string, url: string, serverPid?: number, acceptEncoding?: string][] = [
    ['empty page (next start)', `${empty.url}/`, empty.pid],
    ['padded page (next start)', `${empty.url}/padded`, empty.pid],
    ['padded ISR page (next start)', `${empty.url}/padded-isr/one`, empty.pid],
    ['interview (next start)', interviewUrl, site.pid],
    ['interview HTML (nginx)', nginx.url],
    [`empty page, ${browser}`, `${empty.url}/`, empty.pid, browserEncodings],
    [`interview, ${browser}`, interviewUrl, site.pid, browserEncodings],
  ]
  for (const [name, url, , acceptEncoding] of targets) {
    // Bytes on the wire, compressed or not.
    htmlBytes[name] = (await rawResponse(url, acceptEncoding ?? 'identity')).body.length
    // Warm-up: a `next start` server takes tens of seconds of load to settle (JIT, heap sizing); at 3 s the site's CPU
    // per request was still falling round after round.
    await runWrk(url, { ...load, seconds: 15, ...(acceptEncoding ? { acceptEncoding } : {}) })
  }
  // Interleaved rounds, best of each, so a burst of load from elsewhere on the machine does not decide the ratio.
  for (let round = 0; round < rounds; round++) {
    for (const [name, url, serverPid, acceptEncoding] of targets) {
      const result = await runWrk(url, {
        ...load,
        ...(serverPid ? { serverPid } : {}),
        ...(acceptEncoding ? { acceptEncoding } : {}),
      })
      if (!results[name] || result.requestsPerSecond > results[name].requestsPerSecond) results[name] = result
    }
  }
} finally {
  for (const stop of stops.reverse()) await stop()
}

console.log(
  `wrk -t${load.threads} -c${load.connections} -d${seconds}s, best of ${rounds} interleaved rounds, on 127.0.0.1 (client and servers share the machine's cores)`,
)
for (const [name, result] of Object.entries(results)) {
  // Compared with the empty page asked for the same way.
  const emptyRps =
    results[name.endsWith(browser) ? `empty page, ${browser}` : 'empty page (next start)']!.requestsPerSecond
  console.log(
    name.padEnd(36),
    `${(htmlBytes[name]! / 1024).toFixed(1).padStart(5)} KiB`,
    `${result.requestsPerSecond.toFixed(0).padStart(7)} req/s`,
    `${(result.requestsPerSecond / emptyRps).toFixed(2).padStart(6)}× empty`,
    `avg ${result.latencyAvgMs.toFixed(2)} ms`,
    `p99 ${result.latencyP99Ms.toFixed(2)} ms`,
    result.serverCpuMsPerRequest === undefined
      ? ''
      : `server CPU ${result.serverCpuMsPerRequest.toFixed(3)} ms/request`,
    result.non2xx ? `(${result.non2xx} non-2xx!)` : '',
  )
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/site-throughput.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), load, rounds, htmlBytes, results }, null, 2),
)
