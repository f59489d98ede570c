// `node bench/site-lighthouse.ts [runs]`: Lighthouse (Debian Chromium, offline) on `/`, an interview and a speaker page,
// desktop and mobile presets, against a production build served by `next start` with a lake holding the sample
// content (goal: 100 in performance, accessibility, best practices and SEO). Prints the median score per category and
// the audits that keep a category under 100. An empty Next.js App Router page (same Next.js) is measured alongside as
// the reference: what the framework alone scores on this machine. Writes bench/results/site-lighthouse.json and each
// run's full report to .data/bench-lighthouse/ (open one in https://googlechrome.github.io/lighthouse/viewer/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { launch } from 'chrome-launcher'
import lighthouse, { desktopConfig, type Config, type Result } from 'lighthouse'
import { distDir, startSiteUnderTest } from '../tests/e2e/site-support/site-under-test.ts'
import { sample } from '../tests/site/support/sample-content.ts'
import { startEmptyNextApp } from './site-support/empty-next-app.ts'

const runs = Number(process.argv[2] ?? 3)
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const pages = {
  home: '/',
  interview: `/interviews/${sample.interviewSlug}`,
  speaker: `/speakers/${sample.speakerSlug}`,
}
const reportDir = '.data/bench-lighthouse'
// Lighthouse's default config is its mobile preset (simulated slow 4G, mid-range phone CPU).
const presets: Record<string, Config | undefined> = { desktop: desktopConfig, mobile: undefined }

type Failing = { id: string; title: string; displayValue?: string; score: number; weight: number; examples: string[] }
type Measurement = {
  page: string
  preset: string
  run: number
  scores: Record<string, number>
  failing: Record<string, Failing[]>
  runtimeError?: string
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/** Up to three rows of an audit's table (a console message, a URL), so the report says what to fix, not only what failed. */
function examples(audit: Result['audits'][string]): string[] {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined
  return (details?.items ?? [])
    .slice(0, 3)
    .map((item) =>
      [
        item.description,
        item.url ??
          (item.sourceLocation as { url?: string } | undefined)?.url ??
          (item.node as { snippet?: string } | undefined)?.snippet,
      ]
        .filter((v) => typeof v === 'string')
        .join(' at '),
    )
    .filter(Boolean)
}

/** The audits that cost a category points: scored audits under 1 (weighted ones first, then the diagnostics behind them). */
function failingAudits(lhr: Result, category: string): Failing[] {
  const refs = lhr.categories[category]!.auditRefs
  return refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
    .filter(
      ({ audit }) =>
        audit.score !== null &&
        audit.score < 1 &&
        !['informative', 'notApplicable', 'manual', 'error'].includes(audit.scoreDisplayMode),
    )
    .map(({ ref, audit }) => ({
      id: audit.id,
      title: audit.title,
      displayValue: audit.displayValue,
      score: audit.score!,
      weight: ref.weight,
      examples: examples(audit),
    }))
    .sort((a, b) => b.weight - a.weight)
}

/** One Lighthouse run in a fresh Chromium (its own temporary profile), so no run warms the next one's cache. */
async function measure(url: string, config: Config | undefined): Promise<Result> {
  const chrome = await launch({ chromePath, chromeFlags, logLevel: 'error' })
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
      config,
    )
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    return result.lhr
  } finally {
    chrome.kill()
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const loadBefore = load()
const measurements: Measurement[] = []
mkdirSync(reportDir, { recursive: true })
const empty = await startEmptyNextApp(39_874)
const site = await startSiteUnderTest().catch(async (error) => {
  await empty.stop()
  throw error
})
const targets: Record<string, string> = {
  'empty Next': `${empty.url}/`,
  ...Object.fromEntries(Object.entries(pages).map(([page, path]) => [page, `${site.url}${path}`])),
}
// The build folder is shared with the site e2e tests and the other site benchmarks; a build of theirs while this runs
// would swap pages (and image URLs pointing at their lake) under this server, so every run checks it is still ours.
const buildId = () => readFileSync(join(distDir, 'BUILD_ID'), 'utf8')
const ourBuild = buildId()
try {
  // One warm-up request per page, so the first measured run does not pay for Next's first render of it.
  for (const url of Object.values(targets)) await (await fetch(url)).text()
  for (let run = 1; run <= runs; run++) {
    for (const [page, url] of Object.entries(targets)) {
      for (const [preset, config] of Object.entries(presets)) {
        const lhr = await measure(url, config)
        if (buildId() !== ourBuild)
          throw new Error(
            `${distDir} was rebuilt by another process during the run (a site e2e test or benchmark?); run again when it is idle`,
          )
        writeFileSync(join(reportDir, `${page.replace(' ', '-')}-${preset}-${run}.json`), JSON.stringify(lhr))
        const scores: Record<string, number> = {}
        const failing: Record<string, Failing[]> = {}
        for (const category of categories) {
          scores[category] = Math.round((lhr.categories[category]?.score ?? 0) * 100)
          if (scores[category] < 100) failing[category] = failingAudits(lhr, category)
        }
        measurements.push({
          page,
          preset,
          run,
          scores,
          failing,
          ...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.message } : {}),
        })
        console.error(
          `run ${run}/${runs} ${page} ${preset}: ${categories.map((c) => scores[c]).join(' / ')} (load ${load()})`,
        )
      }
    }
  }
} finally {
  await site.stop()
  await empty.stop()
}
const loadAfter = load()

console.log(
  `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, ${chromePath}, median of ${runs} runs; load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}`,
)
console.log('page'.padEnd(11), 'preset'.padEnd(8), ...categories.map((c) => c.padStart(15)))
const summary = []
for (const page of Object.keys(targets)) {
  for (const preset of Object.keys(presets)) {
    const mine = measurements.filter((m) => m.page === page && m.preset === preset)
    const medians = Object.fromEntries(categories.map((c) => [c, median(mine.map((m) => m.scores[c]!))]))
    const ranges = Object.fromEntries(
      categories.map((c) => [
        c,
        [Math.min(...mine.map((m) => m.scores[c]!)), Math.max(...mine.map((m) => m.scores[c]!))],
      ]),
    )
    summary.push({ page, url: targets[page], preset, medians, ranges })
    console.log(
      page.padEnd(11),
      preset.padEnd(8),
      ...categories.map((c) => `${medians[c]} (${ranges[c]![0]}–${ranges[c]![1]})`.padStart(15)),
    )
  }
}
// Failing audits across runs, with how many runs each failed in: one bad run under load shows as 1/N.
for (const page of Object.keys(pages)) {
  for (const preset of Object.keys(presets)) {
    const mine = measurements.filter((m) => m.page === page && m.preset === preset)
    for (const category of categories) {
      const seen = new Map<string, { audit: Failing; runs: number }>()
      for (const m of mine)
        for (const audit of m.failing[category] ?? [])
          seen.set(audit.id, { audit, runs: (seen.get(audit.id)?.runs ?? 0) + 1 })
      if (!seen.size) continue
      console.log(`\n${page} ${preset} ${category}:`)
      for (const { audit, runs: failed } of seen.values()) {
        console.log(
          `  ${audit.id} — ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''} [weight ${audit.weight}, score ${audit.score}, failed in ${failed}/${mine.length}]`,
        )
        for (const example of audit.examples) console.log(`      ${example.slice(0, 200)}`)
      }
    }
    for (const m of mine)
      if (m.runtimeError) console.log(`${page} ${preset} run ${m.run}: runtime error ${m.runtimeError}`)
  }
}
mkdirSync('bench/results', { recursive: true })
writeFileSync(
  'bench/results/site-lighthouse.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), runs, loadBefore, loadAfter, summary, measurements }, null, 2),
)
