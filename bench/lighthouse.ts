/**
 * `npm run bench:lighthouse`: Lighthouse (mobile, simulated throttling: its defaults) on the home
 * page, the catalogue and a role page of a production build, in the system Chromium. Each page runs
 * LIGHTHOUSE_RUNS times (default 1; the median performance run is kept), after one warm-up request
 * so the page is rendered and cached as visitors get it. Prints the scores and the audits that
 * lose points, and writes bench/results/lighthouse-<timestamp>.{json,md}. Exits 1 when a target is
 * missed (performance >= 95; accessibility, best practices and SEO = 100).
 *
 * Nothing is fetched from outside: the server is local, Chromium runs with its background
 * networking off, and no Lighthouse audit calls a remote service (no CrUX/PSI; robots.txt and the
 * page's own files come from the local server).
 */
import fs from 'node:fs'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { startProductionServer } from './production-server'

const pages = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/roles' },
  { name: 'role page', path: '/roles/back-end-developer' },
]
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const
type Category = (typeof categories)[number]
const targets: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 }
const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const

interface Run {
  scores: Record<Category, number>
  metrics: Record<string, string>
  /** Audits that cost points: id, title, score and the measured value. */
  losing: { category: Category; id: string; title: string; score: number; value?: string }[]
}

const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS) || 1)
const chromePath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories], disableFullPageScreenshot: true })
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const scores = Object.fromEntries(categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>
  const metrics = Object.fromEntries(metricIds.map((id) => [id, lhr.audits[id]?.displayValue ?? '']))
  const losing: Run['losing'] = []
  for (const category of categories) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id]
      if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue
      losing.push({ category, id: a.id, title: a.title, score: a.score, value: a.displayValue })
    }
  }
  return { scores, metrics, losing }
}

const median = (list: Run[]) => [...list].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor((list.length - 1) / 2)]!

function markdown(results: { name: string; path: string; runs: Run[]; kept: Run }[], baseUrl: string, when: string) {
  const lines = [
    `# Lighthouse ${when}`,
    '',
    `Mobile, simulated throttling (Lighthouse defaults), ${runs} run(s) per page (median by performance), Chromium headless, against ${baseUrl}.`,
    'The machine is shared: performance scores move by a few points between runs.',
    '',
    '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | SI |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ]
  for (const r of results) {
    const s = r.kept.scores
    const m = r.kept.metrics
    const perf = r.runs.length > 1 ? `${s.performance} (${r.runs.map((x) => x.scores.performance).join(', ')})` : String(s.performance)
    lines.push(`| ${r.name} \`${r.path}\` | ${perf} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${metricIds.map((id) => m[id]).join(' | ')} |`)
  }
  const losing = results.flatMap((r) => r.kept.losing.map((l) => `- ${r.name}: [${l.category}] ${l.id} (${l.title}) score ${l.score}${l.value ? `, ${l.value}` : ''}`))
  lines.push('', '## Audits that lose points', '', ...(losing.length ? losing : ['none']))
  return lines.join('\n') + '\n'
}

async function main() {
  const server = await startProductionServer()
  let chrome: chromeLauncher.LaunchedChrome | undefined
  try {
    // The first request renders each page and caches it; visitors (and Lighthouse) get the cached page.
    for (const page of pages) await fetch(new URL(page.path, server.baseUrl)).then((r) => r.arrayBuffer())
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-domain-reliability'],
    })
    const results = []
    for (const page of pages) {
      const list: Run[] = []
      for (let i = 0; i < runs; i++) list.push(await audit(new URL(page.path, server.baseUrl).href, chrome.port))
      results.push({ ...page, runs: list, kept: median(list) })
      const s = median(list).scores
      console.log(`${page.name.padEnd(10)} performance ${s.performance}  accessibility ${s.accessibility}  best practices ${s['best-practices']}  SEO ${s.seo}`)
    }
    const when = new Date().toISOString().replace(/[:.]/g, '-')
    const dir = path.join(process.cwd(), 'bench', 'results')
    fs.mkdirSync(dir, { recursive: true })
    const md = markdown(results, server.baseUrl, when)
    fs.writeFileSync(path.join(dir, `lighthouse-${when}.json`), JSON.stringify({ when, baseUrl: server.baseUrl, runs, targets, results }, null, 2) + '\n')
    fs.writeFileSync(path.join(dir, `lighthouse-${when}.md`), md)
    console.log('\n' + md)
    const missed = results.flatMap((r) => categories.filter((c) => r.kept.scores[c] < targets[c]).map((c) => `${r.name} ${c} ${r.kept.scores[c]} < ${targets[c]}`))
    if (missed.length) {
      console.error(`Targets missed:\n  ${missed.join('\n  ')}`)
      process.exitCode = 1
    }
  } finally {
    await chrome?.kill()
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
