/**
 * `npm run bench:load [-- --duration 60 --connections 50 --port 3400]`: a load test of the
 * production build on PostgreSQL, with autocannon in this process.
 *
 * Builds when the dist dir (`NEXT_DIST_DIR`, else .next) holds no build, creates a database of its
 * own (`skillsu_bench_load_<pid>`) on the server at BENCH_DATABASE_URL (else the local one), starts
 * `scripts/start.ts --no-build` on it with TRUST_PROXY_HOPS=1 (each client sends its own
 * X-Forwarded-For, so per-address limits see 50 visitors, not one), and drives a weighted mix:
 * anonymous browsing, searches, sign-ins, dashboard views, newsletter sign-ups and partnership
 * inquiries (through their server actions, as the browser sends them) and admin role saves.
 * Afterwards it checks the database: every submission a client saw accepted is stored exactly
 * once, every accepted admin save is a revision, and nothing answered 5xx. Prints throughput,
 * latency per route, errors and rate-limit refusals, and writes bench/results/load-<time>.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon, { type Client, type RequestData } from 'autocannon'
import { encode } from 'next-auth/jwt'
import postgres from 'postgres'
import { hashPassword } from '../lib/auth/password'
import { roleContentSchema, type RoleContent } from '../lib/roles/schema'

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string, fallback: number) {
  const i = process.argv.indexOf(`--${name}`)
  const value = i === -1 ? fallback : Number(process.argv[i + 1])
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`)
  return value
}
const durationS = option('duration', 60)
const connections = option('connections', 50)
const port = option('port', 3400)
const keepDatabase = process.argv.includes('--keep-db')
const distDir = process.env.NEXT_DIST_DIR || '.next'
const base = `http://127.0.0.1:${port}`
const runId = randomBytes(3).toString('hex')
const password = 'bench-load-password-2026'
const secret = randomBytes(32).toString('hex')
const sessionCookieName = 'next-auth.session-token'

/** The request mix: a kind is drawn per request with these weights (a sign-in takes two requests). */
const mix = {
  home: 10,
  catalogue: 8,
  role: 12,
  compare: 5,
  search: 14,
  signin: 4,
  dashboard: 15,
  newsletter: 8,
  inquiry: 6,
  'admin-save': 6,
} as const
type Kind = keyof typeof mix
type Route = Exclude<Kind, 'signin'> | 'signin-csrf' | 'signin'
const routes: Route[] = ['home', 'catalogue', 'role', 'compare', 'search', 'signin-csrf', 'signin', 'dashboard', 'newsletter', 'inquiry', 'admin-save']
const mixTotal = Object.values(mix).reduce((a, b) => a + b, 0)

function pickKind(): Kind {
  let r = Math.random() * mixTotal
  for (const [kind, weight] of Object.entries(mix) as [Kind, number][]) {
    r -= weight
    if (r < 0) return kind
  }
  return 'home'
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!

// ---------------------------------------------------------------------------------------------
// Server actions as the browser sends them

/** Action ids from the build's manifest, by file and export (they change with every build). */
function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>
  }
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName)
  if (!found) throw new Error(`no server action ${exportedName} from ${filename} in the build`)
  return found[0]
}

/**
 * React's encodeReply for `(null, formData)`, the call `useActionState`-style actions get: each
 * field as `_1_<name>` and the argument list `[null,"$K1"]`. Checked against React's own encoder
 * before the run (checkActionEncoding); built here synchronously because autocannon asks for
 * each request synchronously.
 */
const formBoundary = `----skillsuBench${runId}`
function formDataArgs(fields: Record<string, string>): { body: string; contentType: string } {
  const parts: [string, string][] = [...Object.entries(fields).map(([k, v]): [string, string] => [`_1_${k}`, v]), ['0', '[null,"$K1"]']]
  const body = parts.map(([k, v]) => `--${formBoundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${formBoundary}--\r\n`
  return { body, contentType: `multipart/form-data; boundary=${formBoundary}` }
}

async function checkActionEncoding() {
  const require = createRequire(import.meta.url)
  const { encodeReply } = require('next/dist/compiled/react-server-dom-turbopack/client.node') as { encodeReply: (v: unknown) => Promise<FormData | string> }
  const sample = { email: 'a@example.test', hp: '' }
  const form = new FormData()
  for (const [k, v] of Object.entries(sample)) form.append(k, v)
  const encoded = await encodeReply([null, form])
  const theirs = encoded instanceof FormData ? [...encoded.entries()].map(([k, v]) => `${k}=${String(v)}`).sort() : [String(encoded)]
  const ours = [...Object.entries(sample).map(([k, v]) => `_1_${k}=${v}`), '0=[null,"$K1"]'].sort()
  if (JSON.stringify(theirs) !== JSON.stringify(ours)) throw new Error(`React encodes form actions differently now: ${JSON.stringify(theirs)}`)
  const plain = await encodeReply([{ a: 1 }])
  if (plain !== '[{"a":1}]') throw new Error(`React encodes object arguments differently now: ${String(plain)}`)
}

/** The action's result from its RSC answer (the row holding `{"ok":...}`). */
function actionResult(body: string): { ok: boolean; data?: { id?: string; version?: number }; error?: string; retryAfterSeconds?: number; conflict?: { version: number } } | undefined {
  for (const line of body.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*\})\s*$/.exec(line)
    if (!m) continue
    try {
      const value = JSON.parse(m[1]!) as Record<string, unknown>
      if (typeof value.ok === 'boolean') return value as ReturnType<typeof actionResult>
    } catch {
      // not JSON: another kind of row
    }
  }
  return undefined
}

const header = (headers: Record<string, string | string[]>, name: string): string[] => {
  const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === name)
  return entry ? (Array.isArray(entry[1]) ? entry[1] : [entry[1]]) : []
}
const cookieFrom = (headers: Record<string, string | string[]>, name: string) =>
  header(headers, 'set-cookie')
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1)

// ---------------------------------------------------------------------------------------------
// Per-client state and measurements

interface ClientState {
  ip: string
  candidateEmail: string
  cookie: string
  roleId: string
  roleVersion: number
  edits: number
  csrf?: { token: string; cookie: string }
  next?: 'signin'
  pending?: { route: Route; email?: string; version?: number }
}

interface RouteStats {
  latencies: number[]
  status: Record<'2xx' | '3xx' | '4xx' | '5xx', number>
}
const stats = Object.fromEntries(routes.map((r): [Route, RouteStats] => [r, { latencies: [], status: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 } }])) as Record<Route, RouteStats>
const outcomes = {
  newsletter: { accepted: [] as string[], rateLimited: 0, refused: 0 },
  inquiry: { accepted: [] as string[], rateLimited: 0, refused: 0 },
  'admin-save': { accepted: [] as { roleId: string; version: number }[], conflicts: 0, refused: 0 },
  signin: { accepted: 0, rateLimited: 0, refused: 0 },
}
const refusalSamples = new Set<string>()
const states: ClientState[] = []

interface Fixtures {
  roleSlugs: string[]
  searchWords: string[]
  categorySlug: string
  adminCookie: string
  actions: { newsletter: string; inquiry: string; saveRole: string }
}

function benchRoleContent(i: number, edit: number, categorySlug: string): RoleContent {
  return roleContentSchema.parse({
    slug: `bench-load-${runId}-${i}`,
    title: `Bench role ${i} edit ${edit}`,
    categorySlug,
    summary: `A role the load test edits (client ${i}, edit ${edit}).`,
    overview: `Made by bench/load.ts run ${runId}. Every save of it must become a revision.`,
    responsibilities: [],
    qualifications: [],
    trends: [],
    skills: [],
    market: { growthRatePct: null, growthPeriodStart: null, growthPeriodEnd: null, growthDriver: '', entryToSeniorRatio: null, demandChangePct: null, demandChangePeriod: '', demandHubs: [] },
    salary: { currency: 'USD', region: 'United States', min: null, avg: null, max: null, maxOpenEnded: false, locationPremiums: [] },
    sources: [],
    lastReviewedAt: null,
  })
}

function buildRequest(s: ClientState, i: number, f: Fixtures, request: RequestData): RequestData {
  const headers: Record<string, string> = { 'X-Forwarded-For': s.ip, 'User-Agent': 'skillsu-bench-load', Accept: 'text/html,*/*' }
  const action = (id: string, page: string, body: string, contentType: string, cookie?: string): RequestData => ({
    ...request,
    method: 'POST',
    path: page,
    headers: { ...headers, Accept: 'text/x-component', 'Next-Action': id, Origin: base, 'Content-Type': contentType, ...(cookie ? { Cookie: cookie } : {}) },
    body,
  })
  const kind = s.next ?? pickKind()
  s.next = undefined
  const unique = `${runId}-${i}-${randomBytes(6).toString('hex')}`
  switch (kind) {
    case 'home':
      s.pending = { route: 'home' }
      return { ...request, method: 'GET', path: '/', headers }
    case 'catalogue':
      s.pending = { route: 'catalogue' }
      return { ...request, method: 'GET', path: '/roles', headers }
    case 'role':
      s.pending = { route: 'role' }
      return { ...request, method: 'GET', path: `/roles/${pick(f.roleSlugs)}`, headers }
    case 'compare': {
      const [a, b] = [pick(f.roleSlugs), pick(f.roleSlugs)]
      s.pending = { route: 'compare' }
      return { ...request, method: 'GET', path: `/roles/compare?roles=${a},${a === b ? f.roleSlugs.find((x) => x !== a) : b}`, headers }
    }
    case 'search':
      s.pending = { route: 'search' }
      return { ...request, method: 'GET', path: `/roles?q=${encodeURIComponent(pick(f.searchWords))}`, headers }
    case 'dashboard':
      s.pending = { route: 'dashboard' }
      return { ...request, method: 'GET', path: '/dashboard', headers: { ...headers, Cookie: s.cookie } }
    case 'signin':
      if (!s.csrf) {
        s.pending = { route: 'signin-csrf' }
        return { ...request, method: 'GET', path: '/api/auth/csrf', headers: { ...headers, Accept: 'application/json' } }
      }
      s.pending = { route: 'signin' }
      return {
        ...request,
        method: 'POST',
        path: '/api/auth/callback/credentials',
        headers: { ...headers, Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', Cookie: s.csrf.cookie, Origin: base },
        body: new URLSearchParams({ csrfToken: s.csrf.token, email: s.candidateEmail, password, json: 'true', callbackUrl: `${base}/dashboard` }).toString(),
      }
    case 'newsletter': {
      const email = `news-${unique}@bench.example`
      const { body, contentType } = formDataArgs({ email, source: 'home', idempotencyKey: `k${unique}`.replace(/[^A-Za-z0-9_-]/g, '_'), fillMs: '6000', hp: '' })
      s.pending = { route: 'newsletter', email }
      return action(f.actions.newsletter, '/', body, contentType)
    }
    case 'inquiry': {
      const email = `inquiry-${unique}@bench.example`
      const input = {
        company: `Bench Co ${i}`,
        contactName: `Bench Person ${i}`,
        email,
        companySize: '11-50',
        partnershipType: 'hiring',
        message: 'We would like to hire people who finished your programs.',
        idempotencyKey: `k${unique}`.replace(/[^A-Za-z0-9_-]/g, '_'),
        fillMs: '9000',
        hp: '',
      }
      s.pending = { route: 'inquiry', email }
      return action(f.actions.inquiry, '/partnerships', JSON.stringify([input]), 'text/plain;charset=UTF-8')
    }
    case 'admin-save': {
      s.edits++
      const content = benchRoleContent(i, s.edits, f.categorySlug)
      s.pending = { route: 'admin-save', version: s.roleVersion + 1 }
      return action(f.actions.saveRole, `/admin/roles/${s.roleId}`, JSON.stringify([{ id: s.roleId, expectedVersion: s.roleVersion, content }]), 'text/plain;charset=UTF-8', f.adminCookie)
    }
  }
}

function recordAnswer(s: ClientState, status: number, body: string, headers: Record<string, string | string[]>) {
  const p = s.pending
  if (!p) return
  const refused = (what: string) => {
    if (refusalSamples.size < 8) refusalSamples.add(`${p.route} ${status}: ${what.slice(0, 200)}`)
  }
  switch (p.route) {
    case 'signin-csrf': {
      const cookie = cookieFrom(headers, 'next-auth.csrf-token')
      try {
        const token = (JSON.parse(body) as { csrfToken?: string }).csrfToken
        if (cookie && token) {
          s.csrf = { token, cookie }
          s.next = 'signin'
        }
      } catch {
        refused(body)
      }
      break
    }
    case 'signin': {
      s.csrf = undefined
      const session = cookieFrom(headers, sessionCookieName)
      if (session) {
        s.cookie = session
        outcomes.signin.accepted++
      } else if (/too many|try again/i.test(decodeURIComponent(body))) outcomes.signin.rateLimited++
      else {
        outcomes.signin.refused++
        refused(body)
      }
      break
    }
    case 'newsletter':
    case 'inquiry': {
      const result = actionResult(body)
      if (result?.ok && p.email) outcomes[p.route].accepted.push(p.email)
      else if (result?.retryAfterSeconds) outcomes[p.route].rateLimited++
      else {
        outcomes[p.route].refused++
        refused(result?.error ?? body)
      }
      break
    }
    case 'admin-save': {
      const result = actionResult(body)
      if (result?.ok && result.data?.version) {
        outcomes['admin-save'].accepted.push({ roleId: s.roleId, version: result.data.version })
        s.roleVersion = result.data.version
      } else if (result?.conflict) {
        outcomes['admin-save'].conflicts++
        s.roleVersion = result.conflict.version
      } else {
        outcomes['admin-save'].refused++
        refused(result?.error ?? body)
      }
      break
    }
    default:
      break
  }
}

// ---------------------------------------------------------------------------------------------
// Setup and teardown

function ensureBuild() {
  if (fs.existsSync(path.join(distDir, 'BUILD_ID'))) return
  console.log(`> No build in ${distDir}: building ...`)
  // `next build` adds the dist dir's types to tsconfig.json when NEXT_DIST_DIR is set; keep the file as it was.
  const tsconfig = fs.readFileSync('tsconfig.json', 'utf8')
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' })
  fs.writeFileSync('tsconfig.json', tsconfig)
  if (build.status !== 0) throw new Error('next build failed')
}

async function waitHealthy(server: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.status === 200)
      .catch(() => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`)
}

async function mintCookie(userId: string, mfa: boolean) {
  return `${sessionCookieName}=${await encode({ token: { sub: userId, sv: 1, mfa }, secret, maxAge: 2 * 60 * 60 })}`
}

async function prepare(sql: postgres.Sql): Promise<Fixtures> {
  const passwordHash = await hashPassword(password)
  const [adminRow] = await sql<{ id: string }[]>`
    insert into users (email, name, role, email_verified_at, totp_enabled_at)
    values (${`bench-admin-${runId}@bench.example`}, 'Bench admin', 'admin', now(), now()) returning id`
  const adminCookie = await mintCookie(adminRow!.id, true)
  const published = await sql<{ slug: string; title: string }[]>`select slug, title from roles where status = 'published' and deleted_at is null`
  if (published.length < 2) throw new Error('the seed has fewer than two published roles')
  const [category] = await sql<{ slug: string }[]>`select slug from role_categories order by sort_order limit 1`
  const searchWords = [...new Set(published.flatMap((r) => r.title.toLowerCase().split(/\W+/)).filter((w) => w.length > 3))]
  const actions = {
    newsletter: actionId('lib/newsletter/actions.ts', 'subscribeToNewsletter'),
    inquiry: actionId('lib/inquiries/actions.ts', 'submitPartnershipInquiry'),
    saveRole: actionId('lib/roles/actions.ts', 'saveRoleAction'),
  }
  const createRole = actionId('lib/roles/actions.ts', 'createRoleAction')
  const runOctet = 1 + Math.floor(Math.random() * 250)

  for (let i = 0; i < connections; i++) {
    const email = `bench-${runId}-${i}@bench.example`
    const [user] = await sql<{ id: string }[]>`
      insert into users (email, name, role, email_verified_at, password_hash)
      values (${email}, ${`Bench candidate ${i}`}, 'candidate', now(), ${passwordHash}) returning id`
    // Each client edits a role of its own, so saves measure the write path rather than conflicts.
    const created = await fetch(`${base}/admin/roles/new`, {
      method: 'POST',
      headers: { 'Next-Action': createRole, Accept: 'text/x-component', Origin: base, 'Content-Type': 'text/plain;charset=UTF-8', Cookie: adminCookie, 'X-Forwarded-For': `10.${runOctet}.250.1` },
      body: JSON.stringify([benchRoleContent(i, 0, category!.slug)]),
    })
    const result = actionResult(await created.text())
    if (!result?.ok || !result.data?.id) throw new Error(`creating the bench role failed (${created.status}): ${JSON.stringify(result)}`)
    states.push({ ip: `10.${runOctet}.${i >> 8}.${(i & 255) + 1}`, candidateEmail: email, cookie: await mintCookie(user!.id, false), roleId: result.data.id, roleVersion: result.data.version ?? 1, edits: 0 })
  }
  return { roleSlugs: published.map((r) => r.slug), searchWords, categorySlug: category!.slug, adminCookie, actions }
}

/** Reads the database back: what clients saw accepted must be there exactly once. */
async function verify(sql: postgres.Sql) {
  const counts = async (table: 'newsletter_subscribers' | 'inquiries', emails: string[]) => {
    if (emails.length === 0) return { missing: 0, duplicated: 0 }
    const rows = await sql<{ email: string; n: number }[]>`select email, count(*)::int as n from ${sql(table)} where email = any(${emails}) group by email`
    const found = new Map(rows.map((r) => [r.email, r.n]))
    return { missing: emails.filter((e) => !found.has(e)).length, duplicated: rows.filter((r) => r.n > 1).length }
  }
  const newsletter = await counts('newsletter_subscribers', outcomes.newsletter.accepted)
  const inquiries = await counts('inquiries', outcomes.inquiry.accepted)
  const roleIds = states.map((s) => s.roleId)
  const revisions = await sql<{ role_id: string; version: number }[]>`select role_id, version from role_revisions where action = 'save' and role_id = any(${roleIds})`
  const stored = new Set(revisions.map((r) => `${r.role_id}:${r.version}`))
  const savesMissing = outcomes['admin-save'].accepted.filter((a) => !stored.has(`${a.roleId}:${a.version}`)).length
  return { newsletter, inquiries, adminSaves: { missing: savesMissing, revisionsStored: revisions.length } }
}

// ---------------------------------------------------------------------------------------------

const percentile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : 0)
const round = (n: number) => Math.round(n * 10) / 10

async function main() {
  ensureBuild()
  await checkActionEncoding()
  const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
  if (serverUrl.pathname.length <= 1) serverUrl.pathname = '/postgres'
  const name = `skillsu_bench_load_${process.pid}`
  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists "${name}" with (force)`)
  await admin.unsafe(`create database "${name}"`)
  const appUrl = new URL(serverUrl)
  appUrl.pathname = `/${name}`

  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: appUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: base,
      NEXTAUTH_SECRET: secret,
      TRUST_PROXY_HOPS: '1',
      OUTBOX_DISABLED: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const sql = postgres(appUrl.toString(), { max: 2, onnotice: () => {} })
  try {
    await waitHealthy(server, 180_000)
    const fixtures = await prepare(sql)
    // Warm every route once, so the run measures serving, not first renders of cached pages.
    for (const p of ['/', '/roles', `/roles/${fixtures.roleSlugs[0]}`, `/roles/compare?roles=${fixtures.roleSlugs[0]},${fixtures.roleSlugs[1]}`, '/partnerships']) {
      await fetch(base + p).then((r) => r.text())
    }

    const loadBefore = os.loadavg()
    console.log(`> Load: ${durationS} s, ${connections} clients, build ${distDir}, database ${name}, ${os.cpus().length} CPUs (load average ${loadBefore.map(round).join(' ')})`)
    let nextClient = 0
    const result = await autocannon({
      url: base,
      connections,
      duration: durationS,
      pipelining: 1,
      timeout: 30,
      requests: [
        {
          setupRequest: (request, context) => {
            const id = context.id as number | undefined
            if (id === undefined) return { ...request, method: 'GET', path: '/api/health' }
            return buildRequest(states[id]!, id, fixtures, request)
          },
          onResponse: (status, body, context, headers) => {
            const id = context.id as number | undefined
            if (id !== undefined) recordAnswer(states[id]!, status, body, headers)
          },
        },
      ],
      setupClient: (client: Client) => {
        const id = nextClient++
        // Each client's state lives in `states[id]`; autocannon resets a client's context before
        // every request of a one-request list, so the context carries only the id.
        client.requestIterator.initialContext = { id }
        client.requestIterator.resetContext()
        client.requestIterator.rebuildRequest()
        client.on('response', (status: number, _bytes: number, ms: number) => {
          const route = states[id]?.pending?.route
          if (!route) return
          stats[route].latencies.push(ms)
          const cls = `${Math.floor(status / 100)}xx` as keyof RouteStats['status']
          if (cls in stats[route].status) stats[route].status[cls]++
          states[id]!.pending = undefined
        })
      },
    })
    const loadAfter = os.loadavg()
    const checks = await verify(sql)

    const table = routes.map((route) => {
      const sorted = [...stats[route].latencies].sort((a, b) => a - b)
      return { route, requests: sorted.length, p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)), ...stats[route].status }
    })
    const fiveXx = table.reduce((n, r) => n + r['5xx'], 0)
    const lost = checks.newsletter.missing + checks.newsletter.duplicated + checks.inquiries.missing + checks.inquiries.duplicated + checks.adminSaves.missing
    const nothingLost = lost === 0 && fiveXx === 0
    const total = table.reduce((n, r) => n + r.requests, 0)

    console.log(`\nThroughput: ${round(total / result.duration)} req/s (${total} responses in ${round(result.duration)} s; autocannon average ${round(result.requests.average)} req/s)`)
    console.log(`Latency, all routes: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, mean ${round(result.latency.mean)} ms`)
    console.log(`\n${'route'.padEnd(12)}${'requests'.padStart(9)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'2xx'.padStart(7)}${'3xx'.padStart(6)}${'4xx'.padStart(6)}${'5xx'.padStart(6)}`)
    for (const r of table) {
      console.log(`${r.route.padEnd(12)}${String(r.requests).padStart(9)}${String(r.p50).padStart(9)}${String(r.p95).padStart(9)}${String(r.p99).padStart(9)}${String(r['2xx']).padStart(7)}${String(r['3xx']).padStart(6)}${String(r['4xx']).padStart(6)}${String(r['5xx']).padStart(6)}`)
    }
    console.log(`\nErrors: ${result.errors + fiveXx} (connection errors ${result.errors}, timeouts ${result.timeouts}, 5xx ${fiveXx})`)
    console.log(
      `Rate-limit refusals: newsletter ${outcomes.newsletter.rateLimited}, inquiries ${outcomes.inquiry.rateLimited}, sign-ins ${outcomes.signin.rateLimited}` +
        ` (other refusals: newsletter ${outcomes.newsletter.refused}, inquiries ${outcomes.inquiry.refused}, sign-ins ${outcomes.signin.refused}, admin saves ${outcomes['admin-save'].refused}, save conflicts ${outcomes['admin-save'].conflicts})`,
    )
    if (refusalSamples.size) console.log(`Refusal samples:\n  ${[...refusalSamples].join('\n  ')}`)
    console.log(
      `Accepted: ${outcomes.newsletter.accepted.length} newsletter sign-ups (missing ${checks.newsletter.missing}, duplicated ${checks.newsletter.duplicated}), ` +
        `${outcomes.inquiry.accepted.length} inquiries (missing ${checks.inquiries.missing}, duplicated ${checks.inquiries.duplicated}), ` +
        `${outcomes['admin-save'].accepted.length} admin saves (without a revision ${checks.adminSaves.missing}), ${outcomes.signin.accepted} sign-ins`,
    )
    console.log(`Nothing lost: ${nothingLost ? 'YES' : 'NO'}${nothingLost ? '' : ` (${lost} lost or duplicated, ${fiveXx} 5xx)`}`)
    console.log(`Load average before/after: ${loadBefore.map(round).join(' ')} / ${loadAfter.map(round).join(' ')} (${os.cpus().length} CPUs; other processes share them)`)

    fs.mkdirSync('bench/results', { recursive: true })
    const file = `bench/results/load-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          options: { durationS, connections, distDir, mix },
          machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadBefore, loadAfter, node: process.version },
          throughputPerS: round(total / result.duration),
          responses: total,
          latencyAll: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
          routes: table,
          errors: { connection: result.errors, timeouts: result.timeouts, fiveXx },
          outcomes: {
            newsletter: { accepted: outcomes.newsletter.accepted.length, rateLimited: outcomes.newsletter.rateLimited, refused: outcomes.newsletter.refused },
            inquiry: { accepted: outcomes.inquiry.accepted.length, rateLimited: outcomes.inquiry.rateLimited, refused: outcomes.inquiry.refused },
            adminSave: { accepted: outcomes['admin-save'].accepted.length, conflicts: outcomes['admin-save'].conflicts, refused: outcomes['admin-save'].refused },
            signin: outcomes.signin,
          },
          checks,
          nothingLost,
        },
        null,
        2,
      ) + '\n',
    )
    console.log(`Written: ${file}`)
    process.exitCode = nothingLost ? 0 : 1
  } finally {
    await sql.end()
    if (server.exitCode === null) {
      server.kill('SIGTERM')
      await new Promise((resolve) => server.once('exit', resolve))
    }
    if (!keepDatabase) await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
