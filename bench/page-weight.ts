/**
 * Page weight as a browser sees it: the HTML of a page and the JavaScript it loads on first visit.
 * Shared by `npm run bench:budgets`, e2e/budgets.spec.ts and the Lighthouse report.
 *
 * First-load JS is the sum of the gzip sizes of the page's module scripts (`<script src>` and
 * script preloads; `nomodule` polyfills are skipped: current browsers never fetch them), each
 * compressed here with zlib's default level, the level Next's own compression uses.
 *
 * The floor to compare against is a bare static page: `/bench/static` when the build has the bench
 * routes and serves them (BENCH_ROUTES=1), else what such a page would load, read from the build:
 * the framework's chunks (`rootMainFiles` of the build manifest) and the root segment's own client
 * files (the root layout, error and global-error boundaries, from a page's client reference
 * manifest). Every page loads both.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** kB here are 1,000 bytes. */
export const KB = 1000

export const budgets = {
  /** First-load JS (gzip) of a budgeted page may exceed the bare static page's by at most this. */
  firstLoadJsOverFloor: 10 * KB,
  /** The role page's HTML (uncompressed). */
  rolePageHtml: 100 * KB,
} as const

/** The pages the budgets hold for. The compare page needs two roles of the seed. */
export const budgetedPages = [
  { name: 'home', path: '/' },
  { name: 'catalogue', path: '/roles' },
  { name: 'role page', path: '/roles/back-end-developer', htmlBudget: budgets.rolePageHtml },
  { name: 'compare', path: '/roles/compare?roles=back-end-developer,front-end-developer' },
] as const

export const benchStaticPath = '/bench/static'

export interface ScriptWeight {
  src: string
  bytes: number
  gzip: number
}

export interface PageWeight {
  path: string
  status: number
  htmlBytes: number
  htmlGzip: number
  scripts: ScriptWeight[]
  jsGzip: number
}

/** Module scripts a page loads: `<script src>` and `<link rel=preload as=script>`, without `nomodule` ones. */
export function scriptSources(html: string): string[] {
  const sources = new Set<string>()
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if (/\bnomodule\b/i.test(tag)) continue
    const src = /\bsrc="([^"]+)"/i.exec(tag)?.[1]
    if (src) sources.add(src)
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel="(?:preload|modulepreload)"/i.test(tag) || (/\brel="preload"/i.test(tag) && !/\bas="script"/i.test(tag))) continue
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1]
    if (href) sources.add(href)
  }
  return [...sources]
}

const gzipSize = (body: Buffer) => zlib.gzipSync(body).length

/** Measures pages on one server, fetching each script once. */
export function pageWeigher(baseUrl: string, fetchImpl: typeof fetch = fetch) {
  const scripts = new Map<string, Promise<ScriptWeight>>()
  const script = (src: string) => {
    const url = new URL(src, baseUrl).href
    let weight = scripts.get(url)
    if (!weight) {
      weight = (async () => {
        const response = await fetchImpl(url)
        if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`)
        const body = Buffer.from(await response.arrayBuffer())
        return { src: new URL(url).pathname, bytes: body.length, gzip: gzipSize(body) }
      })()
      scripts.set(url, weight)
    }
    return weight
  }

  async function weigh(pagePath: string): Promise<PageWeight> {
    const response = await fetchImpl(new URL(pagePath, baseUrl), { headers: { 'accept-encoding': 'identity' } })
    const html = Buffer.from(await response.arrayBuffer())
    const weights = await Promise.all(scriptSources(html.toString('utf8')).map(script))
    return {
      path: pagePath,
      status: response.status,
      htmlBytes: html.length,
      htmlGzip: gzipSize(html),
      scripts: weights,
      jsGzip: weights.reduce((sum, s) => sum + s.gzip, 0),
    }
  }

  return { weigh, script }
}

/** The build's distribution directory, as next.config.ts picks it. */
export const distDir = (root = process.cwd()) => path.join(root, process.env.NEXT_DIST_DIR || '.next')

/** The root segment's entries in a client reference manifest: what every page of the app loads. */
const rootEntries = ['[project]/app/layout', '[project]/app/error', '[project]/app/global-error']

function firstClientManifest(dir: string): string | undefined {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isFile() && entry.name === 'page_client-reference-manifest.js') return full
    if (entry.isDirectory()) {
      const found = firstClientManifest(full)
      if (found) return found
    }
  }
  return undefined
}

/** The chunks every page loads, from the build: the framework's, and the root layout's and boundaries'. */
export function frameworkChunks(root = process.cwd()): string[] {
  const dist = distDir(root)
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] }
  const chunks = new Set((manifest.rootMainFiles ?? []).map((file) => `/_next/${file}`))
  const clientManifest = firstClientManifest(path.join(dist, 'server', 'app'))
  if (clientManifest) {
    // `globalThis.__RSC_MANIFEST["/route"] = {...};`: the JSON after the first "= ".
    const text = fs.readFileSync(clientManifest, 'utf8')
    const json = text.slice(text.indexOf('= ', text.indexOf('__RSC_MANIFEST[')) + 2).trim().replace(/;$/, '')
    const { entryJSFiles = {} } = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> }
    for (const entry of rootEntries) for (const file of entryJSFiles[entry] ?? []) chunks.add(`/_next/${file}`)
  }
  return [...chunks]
}

export interface Floor {
  /** Where the floor came from. */
  source: string
  jsGzip: number
  scripts: string[]
}

/** The bare static page's first-load JS: /bench/static when served, else the framework's chunks. */
export async function measureFloor(baseUrl: string, root = process.cwd(), fetchImpl: typeof fetch = fetch): Promise<Floor> {
  const weigher = pageWeigher(baseUrl, fetchImpl)
  const bench = await weigher.weigh(benchStaticPath).catch(() => null)
  if (bench?.status === 200) return { source: benchStaticPath, jsGzip: bench.jsGzip, scripts: bench.scripts.map((s) => s.src) }
  const chunks = frameworkChunks(root)
  const weights = await Promise.all(chunks.map(weigher.script))
  return { source: 'framework and root-segment chunks (build manifests)', jsGzip: weights.reduce((sum, s) => sum + s.gzip, 0), scripts: chunks }
}

export interface BudgetRow {
  name: string
  path: string
  status: number
  htmlBytes: number
  htmlGzip: number
  htmlBudget?: number
  jsGzip: number
  overFloor: number
  /** The scripts this page loads beyond the floor, largest first. */
  extraScripts: ScriptWeight[]
  problems: string[]
}

export interface BudgetReport {
  baseUrl: string
  floor: Floor
  rows: BudgetRow[]
  ok: boolean
}

/** Weighs every budgeted page against the floor and the HTML budget. */
export async function checkBudgets(baseUrl: string, root = process.cwd(), fetchImpl: typeof fetch = fetch): Promise<BudgetReport> {
  const floor = await measureFloor(baseUrl, root, fetchImpl)
  const weigher = pageWeigher(baseUrl, fetchImpl)
  const rows: BudgetRow[] = []
  for (const page of budgetedPages) {
    const weight = await weigher.weigh(page.path)
    const htmlBudget = 'htmlBudget' in page ? page.htmlBudget : undefined
    const overFloor = weight.jsGzip - floor.jsGzip
    const problems: string[] = []
    if (weight.status !== 200) problems.push(`HTTP ${weight.status}`)
    if (overFloor > budgets.firstLoadJsOverFloor) problems.push(`first-load JS ${kb(overFloor)} over the floor (budget ${kb(budgets.firstLoadJsOverFloor)})`)
    if (htmlBudget !== undefined && weight.htmlBytes >= htmlBudget) problems.push(`HTML ${kb(weight.htmlBytes)} (budget ${kb(htmlBudget)})`)
    const extraScripts = weight.scripts.filter((s) => !floor.scripts.includes(s.src)).sort((a, b) => b.gzip - a.gzip)
    rows.push({ name: page.name, path: page.path, status: weight.status, htmlBytes: weight.htmlBytes, htmlGzip: weight.htmlGzip, htmlBudget, jsGzip: weight.jsGzip, overFloor, extraScripts, problems })
  }
  return { baseUrl, floor, rows, ok: rows.every((r) => r.problems.length === 0) }
}

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`

/** The report as a Markdown table. */
export function budgetTable(report: BudgetReport): string {
  const lines = [
    `Floor: ${kb(report.floor.jsGzip)} gzip (${report.floor.source}). Budgets: first-load JS <= floor + ${kb(budgets.firstLoadJsOverFloor)}; role page HTML < ${kb(budgets.rolePageHtml)}.`,
    '',
    '| page | HTML | HTML gzip | first-load JS (gzip) | over floor | verdict |',
    '|---|---:|---:|---:|---:|---|',
  ]
  for (const r of report.rows) {
    const html = r.htmlBudget ? `${kb(r.htmlBytes)} / ${kb(r.htmlBudget)}` : kb(r.htmlBytes)
    lines.push(`| ${r.name} \`${r.path}\` | ${html} | ${kb(r.htmlGzip)} | ${kb(r.jsGzip)} | ${kb(r.overFloor)} | ${r.problems.length ? `OVER: ${r.problems.join('; ')}` : 'ok'} |`)
  }
  return lines.join('\n')
}
