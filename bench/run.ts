/**
 * `npm run bench`: builds once (BENCH_ROUTES=1, its own dist dir), seeds a large data set on a fresh
 * PostgreSQL database, starts the production server, and measures each route against two baselines
 * served by the same build: throughput and latency (autocannon, loopback), database round trips per
 * request (counted by the data layer), query plans, and first-load JavaScript. Prints one table and
 * writes bench/results/<timestamp>.{json,md} and bench/results/latest.md.
 *
 * With nginx on PATH it also runs deploy/nginx.conf in front of the server and compares the role
 * page through its micro-cache with nginx serving the same HTML as a static file (autocannon, and
 * wrk too when it is installed: one Node client thread cannot saturate nginx).
 *
 * Options: --duration <s> (10) --connections <n> (20) --no-build --keep-db --no-proxy --only <route names, comma-separated>
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432), NEXT_DIST_DIR (.next-bench), BENCH_PORT (3300).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import autocannon from 'autocannon'
import { encode } from 'next-auth/jwt'
import postgres from 'postgres'
import { seedRoles } from '@/db/seed/content/roles'
import { hasNginx, startNginx } from '../scripts/nginx'
import { scriptSources } from './page-weight'
import { seedLarge, type SeedLargeResult } from './seed-large'

// ---------------------------------------------------------------------------------------------
// Settings

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback
}
const settings = {
  duration: Number(option('duration', '10')),
  connections: Number(option('connections', '20')),
  build: !flag('no-build'),
  keepDb: flag('keep-db'),
  only: option('only', '').split(',').filter(Boolean),
  proxy: !flag('no-proxy'),
  distDir: process.env.NEXT_DIST_DIR || '.next-bench',
  port: Number(process.env.BENCH_PORT || 3300),
  adminUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432',
}
const dbName = `skillsu_bench_${process.pid}`
const databaseUrl = (name: string) => {
  const u = new URL(settings.adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}
const dbUrl = databaseUrl(dbName)
const base = `http://127.0.0.1:${settings.port}`
const secret = randomBytes(32).toString('hex')
const resultsDir = path.join(process.cwd(), 'bench', 'results')

/** Targets from the issue: a route's throughput as a share of its baseline's. */
const targets = {
  static: 0.9,
  dynamic: 0.5,
  searchP95Ms: 10,
  adminPage400: 1.2,
  /** The role page through nginx's micro-cache over nginx serving the same HTML as a file. */
  proxy: 0.8,
  largeTableRows: 10_000,
}

// ---------------------------------------------------------------------------------------------
// Routes

type Baseline = 'static' | 'dynamic'
interface RouteSpec {
  name: string
  path: string
  method?: 'GET' | 'POST'
  /** The baseline it is compared with, and the minimum ratio; none for writes. */
  baseline?: Baseline
  target?: number
  cookie?: 'candidate' | 'admin'
  /** GET pages whose first-load JavaScript is measured. */
  page?: boolean
  /** Explain this route's statements in the report (search, dashboard, admin list). */
  explain?: boolean
}

function routeSpecs(ctx: { roleSlug: string; compare: string; category: string }): RouteSpec[] {
  return [
    { name: 'static baseline', path: '/bench/static', page: true },
    { name: 'dynamic baseline', path: '/bench/dynamic', page: true },
    { name: 'role page (cached)', path: `/roles/${ctx.roleSlug}`, baseline: 'static', target: targets.static, page: true },
    { name: 'catalogue', path: '/roles', baseline: 'static', target: targets.static, page: true },
    { name: 'catalogue filtered', path: `/roles?category=${ctx.category}&sort=salary`, baseline: 'dynamic', target: targets.dynamic, page: true, explain: true },
    { name: 'search', path: '/roles?q=data%20engineer', baseline: 'dynamic', target: targets.dynamic, page: true, explain: true },
    { name: 'compare', path: `/roles/compare?roles=${ctx.compare}`, baseline: 'dynamic', page: true },
    { name: 'dashboard', path: '/dashboard', baseline: 'dynamic', target: targets.dynamic, cookie: 'candidate', page: true, explain: true },
    { name: 'admin roles p1', path: '/admin/roles', baseline: 'dynamic', target: targets.dynamic, cookie: 'admin', page: true, explain: true },
    { name: 'admin roles p400', path: '/admin/roles?page=400', baseline: 'dynamic', target: targets.dynamic, cookie: 'admin', page: true, explain: true },
    { name: 'role save', path: '/admin/roles', method: 'POST', baseline: 'dynamic', cookie: 'admin', explain: true },
  ]
}

// ---------------------------------------------------------------------------------------------
// Helpers

const log = (line: string) => console.log(line)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function restoreTsconfig() {
  // `next build` adds the dist dir's types to tsconfig.json; take back only what it added.
  const file = 'tsconfig.json'
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { include: string[] }
  const kept = json.include.filter((p) => !p.startsWith(`${settings.distDir}/`))
  if (kept.length !== json.include.length) fs.writeFileSync(file, JSON.stringify({ ...json, include: kept }, null, 2) + '\n')
}

function build() {
  log(`> Building into ${settings.distDir} (BENCH_ROUTES=1) ...`)
  const t = performance.now()
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', BENCH_ROUTES: '1', NEXT_DIST_DIR: settings.distDir },
  })
  restoreTsconfig()
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`)
  return performance.now() - t
}

async function createDatabase(): Promise<SeedLargeResult & { baseSeedSeconds: number }> {
  const admin = postgres(databaseUrl('postgres'), { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`)
  await admin.unsafe(`create database "${dbName}"`)
  await admin.end()
  // The app's own migrator and seed, then the large set on top.
  const { openPostgres } = await import('@/db')
  const { runMigrations } = await import('@/db/migrate')
  const { seed } = await import('@/db/seed')
  const handle = openPostgres(dbUrl, { max: 3 })
  let baseSeedSeconds: number
  try {
    const t = performance.now()
    await runMigrations(handle)
    await seed(handle.db, { adminEmail: 'admin@example.com', adminPassword: randomBytes(12).toString('hex') })
    baseSeedSeconds = (performance.now() - t) / 1000
  } finally {
    await handle.close()
  }
  // A plain client: the app's drops a connection silent for longer than its statement timeout.
  log(`> Seeding the large data set into ${dbName} ...`)
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} })
  try {
    return { ...(await seedLarge(sql, log)), baseSeedSeconds }
  } finally {
    await sql.end()
  }
}

async function dropDatabase() {
  const admin = postgres(databaseUrl('postgres'), { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`)
  await admin.end()
}

function startServer(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      NEXTAUTH_SECRET: secret,
      NEXT_DIST_DIR: settings.distDir,
      PORT: String(settings.port),
      HOST: '127.0.0.1',
      SITE_URL: base,
      BENCH_ROUTES: '1',
      OUTBOX_DISABLED: '1',
      // Access logs at info would measure the logger; errors still show.
      LOG_LEVEL: 'warn',
      DB_POOL_MAX: '10',
    },
  })
  const tail: string[] = []
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString())
    if (tail.length > 50) tail.shift()
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`server exited with ${code}:\n${tail.join('')}`)
  })
  return child
}

async function waitForServer(child: ChildProcess) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the server exited before it was ready')
    try {
      const res = await fetch(`${base}/api/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the server did not answer /api/health within 120 s')
}

async function sessionCookie(userId: string, mfa: boolean) {
  const value = await encode({ token: { sub: userId, sv: 1, mfa }, secret, maxAge: 60 * 60 * 4 })
  return `next-auth.session-token=${value}`
}

interface BenchStats {
  dbQueries: number
  recorded: { sql: string; params: unknown[]; durationMs: number }[]
}
async function stats(record?: 'start' | 'stop'): Promise<BenchStats> {
  const res = await fetch(`${base}/api/bench/stats${record ? `?record=${record}` : ''}`)
  if (!res.ok) throw new Error(`/api/bench/stats answered ${res.status}`)
  return (await res.json()) as BenchStats
}

// ---------------------------------------------------------------------------------------------
// The role save: the editor's real server action, one role and version per connection

interface SaveSetup {
  actionId: string
  roles: { id: string; slug: string; title: string; categorySlug: string }[]
  versions: number[]
  saved: number
  refused: number
  lastRefusal?: string
}

function findActionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(settings.distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>
  }
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && (v.filename ?? '').includes(file))
  if (!hit) throw new Error(`server action ${exportedName} not found in the build's server-reference-manifest.json`)
  return hit[0]
}

function saveContent(role: SaveSetup['roles'][number], n: number) {
  const s = seedRoles[0]!
  return {
    slug: role.slug,
    title: role.title,
    categorySlug: role.categorySlug,
    summary: `${s.summary.slice(0, 170)} (bench save ${n})`,
    overview: s.overview,
    responsibilities: s.responsibilities,
    qualifications: s.qualifications,
    trends: s.trends,
    skills: s.skills.map((k) => ({ name: k.name, sharePct: k.sharePct, isEmerging: k.emerging ?? false })),
    market: { ...s.market },
    salary: { ...s.salary },
    sources: s.sources,
    lastReviewedAt: s.lastReviewedAt,
  }
}

/** React's encodeReply of plain JSON arguments: JSON, with strings starting with `$` escaped. */
function encodeActionArgs(value: unknown[]): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.startsWith('$') ? `$${v}` : v))
}

function saveRequest(setup: SaveSetup, slot: number, cookie: string) {
  const role = setup.roles[slot % setup.roles.length]!
  const body = encodeActionArgs([{ id: role.id, expectedVersion: setup.versions[slot]!, content: saveContent(role, setup.versions[slot]!) }])
  return {
    method: 'POST',
    path: `/admin/roles/${role.id}`,
    headers: {
      cookie,
      origin: base,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': setup.actionId,
    },
    body,
  }
}

function noteSaveResponse(setup: SaveSetup, slot: number, body: string) {
  const version = /"version":(\d+)/.exec(body)
  if (version) setup.versions[slot] = Number(version[1])
  if (body.includes('"ok":true')) setup.saved++
  else {
    setup.refused++
    setup.lastRefusal = body.slice(0, 300)
  }
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface LoadResult {
  rps: number
  p50: number
  p99: number
  requests: number
  non2xx: number
  errors: number
}

async function load(spec: RouteSpec, cookies: Record<string, string>, save?: SaveSetup): Promise<LoadResult> {
  const headers: Record<string, string> = spec.cookie ? { cookie: cookies[spec.cookie]! } : {}
  let nextSlot = 0
  const result = await autocannon({
    url: base + spec.path,
    connections: settings.connections,
    duration: settings.duration,
    timeout: 30,
    ...(save
      ? {
          setupClient: (client) => {
            // Each connection saves its own role, tracking the version it last saved.
            client.requestIterator.initialContext = { slot: nextSlot++ }
            client.requestIterator.resetContext()
            client.requestIterator.rebuildRequest()
          },
          requests: [
            {
              setupRequest: (_req, context) => saveRequest(save, Number(context.slot ?? 0), headers.cookie!),
              onResponse: (_status, body, context) => noteSaveResponse(save, Number(context.slot ?? 0), body),
            },
          ],
        }
      : { requests: [{ setupRequest: (req) => ({ ...req, method: spec.method ?? 'GET', path: spec.path, headers }) }] }),
  })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

async function request(spec: RouteSpec, cookies: Record<string, string>, save?: SaveSetup): Promise<{ status: number; body: string }> {
  if (save) {
    const req = saveRequest(save, 0, cookies.admin!)
    const res = await fetch(base + req.path, { method: 'POST', headers: req.headers, body: req.body })
    const body = await res.text()
    noteSaveResponse(save, 0, body)
    return { status: res.status, body }
  }
  const res = await fetch(base + spec.path, { headers: spec.cookie ? { cookie: cookies[spec.cookie]! } : {}, redirect: 'manual' })
  return { status: res.status, body: await res.text() }
}

/** Statements per request, counted by the data layer over a few sequential requests, and one request's statements. */
async function roundTrips(spec: RouteSpec, cookies: Record<string, string>, save?: SaveSetup) {
  await stats('start')
  await request(spec, cookies, save)
  const one = await stats('stop')
  const n = 10
  const before = (await stats()).dbQueries
  for (let i = 0; i < n; i++) await request(spec, cookies, save)
  const after = (await stats()).dbQueries
  return { perRequest: (after - before) / n, statements: one.recorded }
}

/** First-load JavaScript: the page's module scripts (bench/page-weight.ts: no `nomodule` polyfills), gzipped. */
async function firstLoadJs(html: string): Promise<{ files: number; gzipBytes: number }> {
  const srcs = scriptSources(html)
  let gzipBytes = 0
  for (const src of srcs) {
    const res = await fetch(new URL(src, base))
    gzipBytes += gzipSync(Buffer.from(await res.arrayBuffer())).byteLength
  }
  return { files: srcs.length, gzipBytes }
}

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  Plans?: PlanNode[]
}

function seqScans(plan: PlanNode, rowsOf: Map<string, number>, out: { table: string; rows: number }[] = []) {
  if (plan['Node Type'] === 'Seq Scan' && plan['Relation Name']) out.push({ table: plan['Relation Name'], rows: rowsOf.get(plan['Relation Name']) ?? 0 })
  for (const child of plan.Plans ?? []) seqScans(child, rowsOf, out)
  return out
}

interface Explained {
  sql: string
  planText: string
  executionMs: number
  seqScans: { table: string; rows: number }[]
  error?: string
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement with its real parameters, in a transaction that is rolled back. */
async function explain(sql: postgres.Sql, statements: BenchStats['recorded'], rowsOf: Map<string, number>): Promise<Explained[]> {
  const out: Explained[] = []
  for (const st of statements) {
    const params = st.params as postgres.ParameterOrJSON<never>[]
    try {
      await sql.begin(async (tx) => {
        const [json] = await tx.unsafe<{ 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] }[]>(`explain (analyze, buffers, format json) ${st.sql}`, params)
        const text = await tx.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${st.sql}`, params)
        const plan = json!['QUERY PLAN'][0]!
        out.push({ sql: st.sql, planText: text.map((r) => r['QUERY PLAN']).join('\n'), executionMs: plan['Execution Time'], seqScans: seqScans(plan.Plan, rowsOf) })
        throw new RolledBack()
      })
    } catch (error) {
      if (!(error instanceof RolledBack)) out.push({ sql: st.sql, planText: '', executionMs: 0, seqScans: [], error: (error as Error).message })
    }
  }
  return out
}
class RolledBack extends Error {}

/** The search statement itself, sequentially, with the search route's parameters: its p95. */
async function searchP95(sql: postgres.Sql, statement: BenchStats['recorded'][number], runs = 200) {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await sql.unsafe(statement.sql, statement.params as postgres.ParameterOrJSON<never>[])
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(runs * 0.5)]!, p95: times[Math.floor(runs * 0.95)]! }
}

// ---------------------------------------------------------------------------------------------
// Behind the reverse-proxy cache: deploy/nginx.conf in front of the server, against nginx serving
// the same HTML as a static file

interface ProxyRow {
  name: string
  tool: 'autocannon' | 'wrk'
  rps: number
  p50: number
  p99: number
  non2xx: number
}
interface ProxyResult {
  rows: ProxyRow[]
  /** Role page through the proxy over the same HTML as a static file, per tool. */
  ratios: { tool: string; ratio: number; met: boolean }[]
  cacheStatus: Record<string, number>
}

async function autocannonGet(url: string): Promise<Omit<ProxyRow, 'name' | 'tool'>> {
  const r = await autocannon({ url, connections: settings.connections, duration: settings.duration, timeout: 30 })
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx }
}

/** wrk (C, one thread per core) when installed: `wrk -t2 -c<n> -d<s>s --latency <url>`. */
function wrkGet(url: string): Omit<ProxyRow, 'name' | 'tool'> | undefined {
  const run = spawnSync('wrk', ['-t2', `-c${settings.connections}`, `-d${settings.duration}s`, '--latency', url], { encoding: 'utf8' })
  if (run.status !== 0 || run.error) return undefined
  const ms = (label: string) => {
    const m = new RegExp(`^\\s*${label}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(run.stdout)
    if (!m) return NaN
    const v = Number(m[1])
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v
  }
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? NaN)
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(run.stdout)?.[1] ?? 0)
  return { rps, p50: ms('50'), p99: ms('99'), non2xx }
}

async function measureProxy(rolePath: string, roleHtml: string): Promise<ProxyResult | undefined> {
  if (!settings.proxy || !hasNginx()) {
    log('> Proxy comparison skipped (' + (settings.proxy ? 'no nginx on PATH' : '--no-proxy') + ')')
    return undefined
  }
  const work = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'skillsu-bench-nginx-'))
  const staticDir = path.join(work, 'static')
  fs.mkdirSync(staticDir)
  fs.writeFileSync(path.join(staticDir, 'role.html'), roleHtml)
  fs.chmodSync(staticDir, 0o755)
  const proxyPort = settings.port + 1
  const proxy = `http://127.0.0.1:${proxyPort}`
  const nginx = startNginx({
    work,
    proxyPort,
    upstreamPorts: [settings.port],
    // The role page's HTML as nginx serves any static file: the ceiling for the cached page.
    extraLocations: `location = /__bench/role.html {\n  alias ${staticDir}/role.html;\n  default_type text/html;\n}`,
  })
  try {
    const deadline = Date.now() + 20_000
    for (;;) {
      const ok = await fetch(`${proxy}/__bench/role.html`).then((r) => r.ok).catch(() => false)
      if (ok) break
      if (Date.now() > deadline) throw new Error('nginx did not answer within 20 s')
      await new Promise((r) => setTimeout(r, 200))
    }
    const cacheStatus: Record<string, number> = {}
    for (let i = 0; i < 5; i++) {
      const res = await fetch(proxy + rolePath)
      await res.arrayBuffer()
      const st = res.headers.get('x-cache-status') ?? 'none'
      cacheStatus[st] = (cacheStatus[st] ?? 0) + 1
    }
    const rows: ProxyRow[] = []
    const targetsByName = [
      { name: 'nginx static file (same HTML)', url: `${proxy}/__bench/role.html` },
      { name: 'role page via nginx micro-cache', url: proxy + rolePath },
    ]
    for (const t of targetsByName) rows.push({ name: t.name, tool: 'autocannon', ...(await autocannonGet(t.url)) })
    for (const t of targetsByName) {
      const w = wrkGet(t.url)
      if (w) rows.push({ name: t.name, tool: 'wrk', ...w })
    }
    const ratios = (['autocannon', 'wrk'] as const).flatMap((tool) => {
      const [st, px] = targetsByName.map((t) => rows.find((r) => r.tool === tool && r.name === t.name))
      return st && px ? [{ tool, ratio: px.rps / st.rps, met: px.rps / st.rps >= targets.proxy }] : []
    })
    for (const r of rows) log(`  ${r.name} (${r.tool}): ${fmt(r.rps)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`)
    return { rows, ratios, cacheStatus }
  } finally {
    nginx.kill('SIGTERM')
    await new Promise((r) => (nginx.exitCode !== null ? r(null) : nginx.once('exit', r)))
    fs.rmSync(work, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------
// Report

interface RouteResult extends RouteSpec {
  status: number
  htmlBytes: number
  load: LoadResult
  ratio?: number
  met?: boolean
  dbPerRequest: number
  js?: { files: number; gzipBytes: number; vsStatic: number }
  plans?: Explained[]
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

function table(results: RouteResult[]): string {
  const head = ['route', 'status', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'target', 'db/req', 'JS gz kB (+static)', 'HTML kB']
  const rows = results.map((r) => [
    r.name,
    String(r.status),
    fmt(r.load.rps),
    fmt(r.load.p50),
    fmt(r.load.p99),
    r.ratio === undefined ? '' : `${fmt(r.ratio, 2)} of ${r.baseline}`,
    r.target === undefined ? '' : `>= ${r.target} ${r.met ? 'met' : 'MISSED'}`,
    fmt(r.dbPerRequest, 1),
    r.js ? `${fmt(r.js.gzipBytes / 1024, 1)} (+${fmt(r.js.vsStatic / 1024, 1)})` : '',
    fmt(r.htmlBytes / 1024, 1),
  ])
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

function proxyTable(p: ProxyResult): string {
  const head = ['through nginx', 'client', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx']
  const rows = p.rows.map((r) => [r.name, r.tool, fmt(r.rps), fmt(r.p50, 2), fmt(r.p99, 2), String(r.non2xx)])
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

async function main() {
  const started = performance.now()
  const buildMs = settings.build ? build() : 0
  if (!fs.existsSync(path.join(settings.distDir, 'BUILD_ID'))) throw new Error(`no build in ${settings.distDir}; run without --no-build`)
  const seeded = await createDatabase()
  log(`> Seeded in ${fmt(seeded.seconds, 1)} s (base content ${fmt(seeded.baseSeedSeconds, 1)} s): ${JSON.stringify(seeded.counts)}`)

  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} })
  const server = startServer()
  const report: Record<string, unknown> = {}
  try {
    await waitForServer(server)
    log(`> Server ready on ${base}`)
    const cookies = { candidate: await sessionCookie(seeded.candidateId, false), admin: await sessionCookie(seeded.adminId, true) }

    const [real] = await sql<{ slug: string }[]>`select slug from roles where slug = ${seedRoles[0]!.slug}`
    const compare = await sql<{ slug: string }[]>`select slug from roles where status = 'published' and deleted_at is null and slug = any(${seedRoles.slice(0, 3).map((r) => r.slug)}) order by slug`
    const [category] = await sql<{ slug: string }[]>`select slug from role_categories order by sort_order limit 1`
    const saveRoles = await sql<SaveSetup['roles']>`
      select r.id::text, r.slug, r.title, c.slug as "categorySlug" from roles r join role_categories c on c.id = r.category_id
       where r.status = 'published' and r.deleted_at is null and r.slug ~ '-[0-9]+$'
       order by r.slug limit ${settings.connections}`
    const rowsOf = new Map((await sql<{ relname: string; n: number }[]>`select relname, reltuples::bigint::int as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`).map((r) => [r.relname, r.n]))
    const save: SaveSetup = { actionId: findActionId('saveRoleAction', 'lib/roles/actions'), roles: saveRoles, versions: saveRoles.map(() => 1), saved: 0, refused: 0 }

    const specs = routeSpecs({ roleSlug: real!.slug, compare: compare.map((r) => r.slug).join(','), category: category!.slug }).filter(
      (s) => !settings.only.length || s.name.includes('baseline') || settings.only.some((o) => s.name.includes(o)),
    )
    const results: RouteResult[] = []
    for (const spec of specs) {
      const isSave = spec.method === 'POST'
      // Warm up: the first request renders and caches; then a few more.
      let first = await request(spec, cookies, isSave ? save : undefined)
      for (let i = 0; i < 4; i++) first = await request(spec, cookies, isSave ? save : undefined)
      const trips = await roundTrips(spec, cookies, isSave ? save : undefined)
      const loaded = await load(spec, cookies, isSave ? save : undefined)
      const js = spec.page ? await firstLoadJs(first.body) : undefined
      const plans = spec.explain ? await explain(sql, trips.statements, rowsOf) : undefined
      // Every route's statements are checked for sequential scans of large tables, explained or not.
      const checkedPlans = plans ?? (await explain(sql, trips.statements, rowsOf))
      results.push({
        ...spec,
        status: first.status,
        htmlBytes: Buffer.byteLength(first.body),
        load: loaded,
        dbPerRequest: trips.perRequest,
        js: js ? { ...js, vsStatic: 0 } : undefined,
        plans: plans ?? checkedPlans.filter((p) => p.seqScans.some((s) => s.rows > targets.largeTableRows) || p.error),
      })
      log(`  ${spec.name}: ${first.status}, ${fmt(loaded.rps)} req/s, p50 ${loaded.p50} ms, p99 ${loaded.p99} ms, ${fmt(trips.perRequest, 1)} db/req${loaded.non2xx ? `, ${loaded.non2xx} non-2xx` : ''}${loaded.errors ? `, ${loaded.errors} errors` : ''}`)
    }

    const byName = new Map(results.map((r) => [r.name, r]))
    const roleRoute = byName.get('role page (cached)')
    const roleHtml = roleRoute ? (await request(roleRoute, cookies)).body : undefined
    const proxied = roleRoute && roleHtml ? await measureProxy(roleRoute.path, roleHtml) : undefined
    const baselines = { static: byName.get('static baseline'), dynamic: byName.get('dynamic baseline') }
    for (const r of results) {
      const b = r.baseline ? baselines[r.baseline] : undefined
      if (b) r.ratio = r.load.rps / b.load.rps
      if (r.target !== undefined && r.ratio !== undefined) r.met = r.ratio >= r.target
      if (r.js && baselines.static?.js) r.js.vsStatic = r.js.gzipBytes - baselines.static.js.gzipBytes
    }

    // The search statement alone, and the admin list's deep page against its first.
    const searchStatement = byName.get('search')?.plans?.find((p) => /search_vector/.test(p.sql))
    let search: { p50: number; p95: number; met: boolean } | undefined
    if (searchStatement) {
      await stats('start')
      await request(byName.get('search')!, cookies)
      const st = (await stats('stop')).recorded.find((s) => s.sql === searchStatement.sql)
      if (st) {
        const p = await searchP95(sql, st)
        search = { ...p, met: p.p95 < targets.searchP95Ms }
      }
    }
    const p1 = byName.get('admin roles p1')
    const p400 = byName.get('admin roles p400')
    const deepPage = p1 && p400 ? { p50Ratio: p400.load.p50 / Math.max(p1.load.p50, 1), rpsRatio: p1.load.rps / p400.load.rps } : undefined
    const seqScanHits = results.flatMap((r) => (r.plans ?? []).flatMap((p) => p.seqScans.filter((s) => s.rows > targets.largeTableRows).map((s) => ({ route: r.name, ...s }))))

    const summary = [
      search ? `Search statement alone (200 sequential runs): p50 ${fmt(search.p50, 2)} ms, p95 ${fmt(search.p95, 2)} ms (target < ${targets.searchP95Ms} ms: ${search.met ? 'met' : 'MISSED'})` : 'Search statement: not found',
      deepPage ? `Admin list, page 1 req/s over page 400 req/s: ${fmt(deepPage.rpsRatio, 2)} (target at most ${targets.adminPage400}: ${deepPage.rpsRatio <= targets.adminPage400 ? 'met' : 'MISSED'})` : '',
      `Sequential scans on tables over ${fmt(targets.largeTableRows)} rows: ${seqScanHits.length ? seqScanHits.map((h) => `${h.table} (${h.route})`).join(', ') : 'none'}`,
      proxied
        ? `Behind nginx (deploy/nginx.conf): role page through the micro-cache over the same HTML as a static file: ${proxied.ratios.map((r) => `${fmt(r.ratio, 2)} with ${r.tool}`).join(', ')} (target at least ${targets.proxy}: ${proxied.ratios.every((r) => r.met) ? 'met' : 'MISSED'}); cache status while warming: ${JSON.stringify(proxied.cacheStatus)}`
        : 'Behind nginx: not measured (no nginx on PATH, or --no-proxy)',
      `Role saves: ${save.saved} saved, ${save.refused} refused (conflicts or errors)${save.lastRefusal ? `; last refusal: ${save.lastRefusal.replace(/\s+/g, ' ')}` : ''}`,
    ].filter(Boolean)

    const when = new Date()
    const stamp = when.toISOString().replace(/[:.]/g, '-')
    const header = [
      `# Benchmark ${when.toISOString()}`,
      '',
      `${settings.connections} connections, ${settings.duration} s per route, loopback, autocannon 9; PostgreSQL database ${dbName};`,
      `data: ${Object.entries(seeded.counts).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')} (seeded in ${fmt(seeded.seconds, 1)} s).`,
      `Build ${settings.build ? seconds(buildMs) : 'reused'}; machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`,
      '',
    ]
    const md = [
      ...header,
      table(results),
      '',
      ...summary.map((s) => `- ${s}`),
      '',
      ...(proxied ? ['## Behind the reverse-proxy cache', '', proxyTable(proxied), ''] : []),
      '## Query plans',
      ...results
        .filter((r) => r.plans?.length)
        .flatMap((r) => [
          '',
          `### ${r.name}`,
          ...r.plans!.flatMap((p) => ['', '```sql', p.sql, '```', '', '```', p.error ? `(not explained: ${p.error})` : p.planText, '```']),
        ]),
      '',
    ].join('\n')
    Object.assign(report, { when: when.toISOString(), settings, seeded, results, proxied, search, deepPage, seqScanHits, saves: { saved: save.saved, refused: save.refused }, totalSeconds: (performance.now() - started) / 1000 })
    fs.mkdirSync(resultsDir, { recursive: true })
    fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify(report, null, 2) + '\n')
    fs.writeFileSync(path.join(resultsDir, `${stamp}.md`), md)
    fs.writeFileSync(path.join(resultsDir, 'latest.md'), md)
    log('')
    log(table(results))
    if (proxied) log(`\n${proxyTable(proxied)}`)
    log('')
    for (const s of summary) log(`- ${s}`)
    log(`\nWritten: bench/results/${stamp}.json, bench/results/${stamp}.md, bench/results/latest.md (total ${seconds(performance.now() - started)})`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)))
    await sql.end()
    if (!settings.keepDb) await dropDatabase()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
