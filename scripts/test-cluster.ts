/**
 * `npm run test:cluster`: SkillsU as it runs on several machines. Two production instances of the
 * existing build (built first only if there is none) on one PostgreSQL database (a fresh one,
 * `<DATABASE_URL's database>_cluster`, dropped afterwards) and one Redis, each with its own
 * in-process mail sender, and nginx in front with deploy/nginx.conf (a copy with this run's ports
 * and paths). It checks what breaks when an app keeps state per process, and what a shared cache
 * in front must never do:
 *
 *   - an admin publish on instance A is on instance B at its next request, and through the proxy
 *     within 5 s (the Redis cache handler; nginx's micro-cache);
 *   - the sign-in limit counts attempts on both instances together (Redis rate limits);
 *   - with both senders running, every queued message reaches the SMTP server exactly once;
 *   - through the proxy: two signed-in users each get their own dashboard, never a cached one;
 *     RSC requests get RSC and HTML requests get HTML; draft-mode requests and responses that
 *     set a cookie are never stored; static files are cached; responses are gzipped.
 *
 * Needs DATABASE_URL (PostgreSQL), a Redis (REDIS_URL, else redis://127.0.0.1:6379/0) and nginx
 * on PATH. Ports: CLUSTER_PORTS=3204,3214 and CLUSTER_PROXY_PORT=8084, else free ones.
 * NEXT_DIST_DIR picks the build, as for `npm start`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { startTestSmtpServer, type TestSmtpServer } from '../lib/email/test-smtp'
import { siteSettingsDefaults } from '../lib/site-settings/schema'
import { e2eAuthSecret } from '../playwright.config'
import { hasNginx, startNginx } from './nginx'

const root = process.cwd()
const distDir = process.env.NEXT_DIST_DIR || '.next'
const started = Date.now()
const runId = randomUUID().slice(0, 8)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsu-cluster-'))
const children: ChildProcess[] = []
const cleanups: (() => Promise<unknown> | unknown)[] = []

function log(message: string) {
  console.log(`[cluster ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`)
}

async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as net.AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(everyMs)
  }
}

// --- checks: each prints one line; the run ends with "N passed, N failed".
const results: { name: string; ok: boolean; detail: string }[] = []
async function check(name: string, body: () => Promise<string | void>) {
  const at = Date.now()
  try {
    const detail = (await body()) ?? ''
    results.push({ name, ok: true, detail })
    log(`ok   ${name} (${Date.now() - at} ms)${detail ? `: ${detail}` : ''}`)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    results.push({ name, ok: false, detail })
    log(`FAIL ${name} (${Date.now() - at} ms): ${detail}`)
  }
}
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

// --- the pieces
function ensureBuild() {
  if (fs.existsSync(path.join(distDir, 'BUILD_ID'))) return
  log(`no build in ${distDir}: building`)
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: process.env })
  if (build.status !== 0) throw new Error('next build failed')
}

async function createClusterDatabase(baseUrl: string): Promise<string> {
  const url = new URL(baseUrl)
  const name = `${url.pathname.slice(1) || 'skillsu'}_cluster`.replace(/[^a-zA-Z0-9_]/g, '_')
  const admin = new URL(baseUrl)
  admin.pathname = '/postgres'
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} })
  await sql.unsafe(`drop database if exists "${name}" with (force)`)
  await sql.unsafe(`create database "${name}"`)
  await sql.end()
  cleanups.push(async () => {
    const drop = postgres(admin.toString(), { max: 1, onnotice: () => {} })
    await drop.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {})
    await drop.end()
  })
  url.pathname = `/${name}`
  return url.toString()
}

/** The cache survives in Redis between runs; this run's database is new, so its pages must be too. */
async function clearSharedCache(redisUrl: string) {
  const redis = new Redis(redisUrl)
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'skillsu:cache:*', 'COUNT', 500)
    if (keys.length) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
  await redis.quit()
}

interface Instance {
  name: string
  port: number
  url: string
  logFile: string
}

async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const logFile = path.join(work, `${name}.log`)
  const out = fs.openSync(logFile, 'a')
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', out, out],
  })
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    `instance ${name} on ${url}`,
    async () => {
      if (child.exitCode !== null) throw Object.assign(new Error(`instance ${name} exited (${child.exitCode}); see ${logFile}`), { fatal: true })
      const res = await fetch(`${url}/api/health`)
      return res.ok ? true : undefined
    },
    180_000,
  ).catch((error: unknown) => {
    console.error(fs.readFileSync(logFile, 'utf8').slice(-3000))
    throw error
  })
  return { name, port, url, logFile }
}

function startStub(): Promise<{ port: number; hits: Map<string, number> }> {
  const hits = new Map<string, number>()
  const server = http.createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1)
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=60' }
    if (req.url?.includes('with-cookie')) headers['Set-Cookie'] = `visitor=${randomUUID()}; Path=/; HttpOnly`
    res.writeHead(200, headers).end(`<p>stub ${req.url}</p>`)
  })
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, hits })))
}

function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>
  }
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName)
  if (!found) throw new Error(`no server action ${exportedName} of ${file} in the build`)
  return found[0]
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: 'follow' })
  return { status: res.status, headers: res.headers, body: await res.text(), cache: res.headers.get('x-cache-status') ?? '' }
}

// --- the run
async function main() {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) throw new Error('test:cluster needs DATABASE_URL (PostgreSQL): several instances cannot share the embedded database')
  if (!hasNginx()) throw new Error('test:cluster needs nginx on PATH (Debian: apt-get install nginx-light)')
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379/0'
  const ports = process.env.CLUSTER_PORTS ? process.env.CLUSTER_PORTS.split(',').map(Number) : [await freePort(), await freePort()]
  const proxyPort = Number(process.env.CLUSTER_PROXY_PORT || (await freePort()))
  const proxy = `http://127.0.0.1:${proxyPort}`

  ensureBuild()
  const clusterDb = await createClusterDatabase(databaseUrl)
  await clearSharedCache(redisUrl)
  cleanups.push(() => clearSharedCache(redisUrl))
  const sink: TestSmtpServer = await startTestSmtpServer()
  cleanups.push(() => sink.close())
  const stub = await startStub()
  log(`work dir ${work}; instances on ${ports.join(', ')}, nginx on ${proxyPort}, Redis ${redisUrl}`)

  const env = {
    HOST: '127.0.0.1',
    SITE_URL: proxy,
    DATABASE_URL: clusterDb,
    REDIS_URL: redisUrl,
    NEXTAUTH_SECRET: e2eAuthSecret,
    TRUST_PROXY_HOPS: '1',
    SMTP_URL: sink.url,
    EMAIL_FROM: 'SkillsU <no-reply@cluster.test>',
    OUTBOX_DISABLED: '0',
    OUTBOX_POLL_MS: '500',
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'cluster-admin-password-123',
    LOG_LEVEL: 'warn',
  }
  // One after the other: the first migrates and seeds, the second finds it done.
  const a = await startInstance('A', ports[0]!, env)
  const b = await startInstance('B', ports[1]!, env)
  // A stand-in upstream for responses the app never sends to anonymous visitors (a Set-Cookie on
  // a public page), so the proxy's rule for them is tested too.
  const stubLocation = `location /__cluster-stub/ {\n  proxy_pass http://127.0.0.1:${stub.port};\n}`
  children.push(startNginx({ work, proxyPort, upstreamPorts: ports, extraLocations: stubLocation }))
  await waitFor('nginx', async () => ((await fetch(`${proxy}/api/health`)).ok ? true : undefined), 20_000)
  log(`both instances and nginx are up (${((Date.now() - started) / 1000).toFixed(1)} s)`)

  // Users straight in the database, with real session cookies (as e2e/session.ts does).
  process.env.DATABASE_URL = clusterDb
  const { createUserWithCookie } = await import('../e2e/session')
  const sql = postgres(clusterDb, { max: 2, onnotice: () => {} })
  cleanups.push(() => sql.end())

  await check('a publish on instance A is served by instance B at its next request, and through the proxy within 5 s', async () => {
    const before = siteSettingsDefaults.hero.heading
    for (const base of [a.url, b.url]) expect((await get(`${base}/`)).body.includes(before), `${base}/ does not show the default heading`)
    await get(`${proxy}/`)
    const warm = await get(`${proxy}/`)
    expect(warm.cache === 'HIT' && warm.body.includes(before), `the proxy did not cache the home page (X-Cache-Status ${warm.cache})`)

    const admin = await createUserWithCookie('admin')
    const heading = `Careers that fit, cluster run ${runId}`
    const settings = { ...siteSettingsDefaults, hero: { ...siteSettingsDefaults.hero, heading } }
    const res = await fetch(`${a.url}/admin/settings`, {
      method: 'POST',
      headers: {
        Cookie: admin.cookie,
        'Next-Action': actionId('lib/site-settings/actions.ts', 'saveSiteSettingsAction'),
        Origin: a.url,
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
      },
      body: JSON.stringify([{ settings, expectedVersion: 0 }]),
    })
    const answer = await res.text()
    expect(res.status === 200 && answer.includes('"ok":true'), `the settings action on A answered ${res.status}: ${answer.slice(0, 300)}`)
    const saved = Date.now()

    const onB = await get(`${b.url}/`)
    expect(onB.body.includes(heading), 'instance B still serves the old home page after the publish on A')
    const seenAt = await waitFor(
      'the new heading through the proxy',
      async () => ((await get(`${proxy}/`)).body.includes(heading) ? Date.now() : undefined),
      5_000,
      100,
    )
    return `B at its first request; through the proxy after ${seenAt - saved} ms`
  })

  await check('the sign-in limit counts attempts on both instances together (10 per account and address)', async () => {
    const ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`
    const email = `nobody-${runId}@cluster.test`
    const csrf = await fetch(`${a.url}/api/auth/csrf`)
    const { csrfToken } = (await csrf.json()) as { csrfToken: string }
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const outcomes: string[] = []
    for (let attempt = 1; attempt <= 11; attempt++) {
      const target = attempt % 2 ? a : b
      const res = await fetch(`${target.url}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: csrfCookie, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
        body: new URLSearchParams({ csrfToken, email, password: 'not-the-password-1', json: 'true' }),
      })
      const text = await res.text()
      const where = res.headers.get('location') ?? ((JSON.parse(text || '{}') as { url?: string }).url || '')
      outcomes.push(`${target.name}:${decodeURIComponent(new URL(where, a.url).searchParams.get('error') ?? `status ${res.status}`)}`)
    }
    const limited = outcomes.map((o) => o.includes('rate_limited'))
    expect(limited.slice(0, 10).every((l) => !l), `limited too early: ${outcomes.join(', ')}`)
    expect(limited[10], `the 11th attempt (6 on A, 5 on B) was not limited: ${outcomes.join(', ')}`)
    return outcomes.slice(-2).join(', ')
  })

  await check('with both senders running, each queued message reaches the SMTP server exactly once', async () => {
    const count = 40
    const ids = Array.from({ length: count }, (_, i) => `<cluster-${runId}-${i}@cluster.test>`)
    await sql`
      insert into email_outbox (to_address, kind, subject, text_body, html_body, message_id)
      select 'cluster-' || n || '@cluster.test', 'cluster-test', 'Cluster message ' || n, 'Hello', '<p>Hello</p>', ${`<cluster-${runId}-`} || n || '@cluster.test>'
      from generate_series(0, ${count - 1}) as n`
    await waitFor(
      `${count} messages sent`,
      async () => {
        const [row] = await sql<{ sent: number }[]>`select count(*)::int as sent from email_outbox where kind = 'cluster-test' and status = 'sent'`
        return row!.sent === count ? true : undefined
      },
      90_000,
      500,
    )
    await sleep(2_000) // two more polls of each sender: a late duplicate would arrive now
    const received = sink.received.map((m) => m.headers['message-id'])
    const copies = ids.map((id) => received.filter((r) => r === id).length)
    expect(copies.every((c) => c === 1), `copies per message: ${copies.join(',')}`)
    const [owners] = await sql<{ n: number }[]>`select count(distinct lease_owner)::int as n from email_outbox where kind = 'cluster-test'`
    return `${count} messages, ${received.filter((r) => ids.includes(r ?? '')).length} deliveries${owners?.n ? `, lease owners seen: ${owners.n}` : ''}`
  })

  await check('through the proxy, two signed-in users each get their own dashboard, never from the cache', async () => {
    const users = [await createUserWithCookie('candidate'), await createUserWithCookie('candidate')]
    const names = users.map((_, i) => `Cluster Person ${runId} ${i}`)
    for (const [i, user] of users.entries()) await sql`update users set name = ${names[i]!} where id = ${user.id}`
    for (const round of [1, 2]) {
      for (const [i, user] of users.entries()) {
        const page = await get(`${proxy}/dashboard`, { Cookie: user.cookie })
        expect(page.status === 200, `round ${round}, user ${i}: status ${page.status}`)
        expect(page.body.includes(names[i]!) && !page.body.includes(names[1 - i]!), `round ${round}, user ${i} saw another dashboard`)
        expect(page.cache === 'BYPASS', `round ${round}, user ${i}: X-Cache-Status ${page.cache}`)
      }
    }
    // A page the cache holds for anonymous visitors is not served from it to a signed-in one.
    await get(`${proxy}/`)
    const anonymous = await get(`${proxy}/`)
    const signedIn = await get(`${proxy}/`, { Cookie: users[0]!.cookie })
    expect(anonymous.cache === 'HIT' && signedIn.cache === 'BYPASS', `anonymous ${anonymous.cache}, signed in ${signedIn.cache}`)
  })

  const [role] = await sql<{ slug: string }[]>`select slug from roles where status = 'published' and deleted_at is null order by slug limit 1`
  const rolePath = `/roles/${role!.slug}`

  await check('through the proxy, RSC requests get RSC and HTML requests get HTML (both cached, apart)', async () => {
    const rsc = { RSC: '1' }
    const seen: string[] = []
    for (const [kind, headers] of [['rsc', rsc], ['html', {}], ['rsc', rsc], ['html', {}]] as const) {
      const res = await get(`${proxy}${rolePath}`, headers)
      const type = res.headers.get('content-type') ?? ''
      seen.push(`${kind}:${type.split(';')[0]}:${res.cache}`)
      expect(res.status === 200, `${kind} request: status ${res.status}`)
      expect(kind === 'rsc' ? type.startsWith('text/x-component') : type.startsWith('text/html'), `a ${kind} request got ${type}: ${seen.join(' ')}`)
    }
    expect(seen[2]!.endsWith('HIT') && seen[3]!.endsWith('HIT'), `the second round was not served from the cache: ${seen.join(' ')}`)
    return seen.join(' ')
  })

  await check('a draft-mode request (__prerender_bypass) is neither served from nor stored in the cache', async () => {
    const url = `${proxy}${rolePath}?draft-check=${runId}`
    const draft = await get(url, { Cookie: '__prerender_bypass=cluster-test' })
    const draftAgain = await get(url, { Cookie: '__prerender_bypass=cluster-test' })
    const anonymous = await get(url)
    expect(draft.cache === 'BYPASS' && draftAgain.cache === 'BYPASS', `draft requests: ${draft.cache}, ${draftAgain.cache}`)
    expect(anonymous.cache === 'MISS', `the anonymous request after the draft ones was ${anonymous.cache} (a draft response was stored)`)
  })

  await check('a response that sets a cookie is never stored (and one that does not, is)', async () => {
    const withCookie = [await get(`${proxy}/__cluster-stub/with-cookie`), await get(`${proxy}/__cluster-stub/with-cookie`)]
    const plain = [await get(`${proxy}/__cluster-stub/plain`), await get(`${proxy}/__cluster-stub/plain`)]
    expect(withCookie.every((r) => r.cache === 'MISS'), `with Set-Cookie: ${withCookie.map((r) => r.cache).join(', ')}`)
    expect(stub.hits.get('/__cluster-stub/with-cookie') === 2, 'the second request with a Set-Cookie answer did not reach the upstream')
    expect(plain[1]!.cache === 'HIT', `without Set-Cookie the second request was ${plain[1]!.cache}`)
  })

  await check('server actions and personal paths pass through; static files are cached for a year; pages are gzipped', async () => {
    // nginx never caches a POST (no status at all); a GET that names an action is not served cached either.
    const action = await fetch(`${proxy}/`, { method: 'POST', headers: { 'Next-Action': `7f${'0'.repeat(40)}`, 'Content-Type': 'text/plain' }, body: '[]' })
    expect(action.headers.get('x-cache-status') === null, `a server action was ${action.headers.get('x-cache-status')}`)
    const actionGet = await get(`${proxy}/`, { 'Next-Action': `7f${'0'.repeat(40)}` })
    expect(actionGet.cache === 'BYPASS', `a GET with Next-Action was ${actionGet.cache}`)
    const login = await get(`${proxy}/login`)
    expect(login.cache === 'BYPASS', `/login was ${login.cache}`)
    const home = await fetch(`${proxy}/`, { headers: { 'Accept-Encoding': 'gzip' } })
    const html = await home.text()
    expect(home.headers.get('content-encoding') === 'gzip', `the home page was sent with Content-Encoding ${home.headers.get('content-encoding')}`)
    const script = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0]
    expect(script, 'no script file in the home page')
    await get(`${proxy}${script}`)
    const again = await get(`${proxy}${script}`)
    expect(again.cache === 'HIT' && /immutable/.test(again.headers.get('cache-control') ?? ''), `static file: ${again.cache}, ${again.headers.get('cache-control')}`)
  })
}

async function shutdown() {
  for (const child of children.reverse()) {
    if (child.exitCode !== null) continue
    child.kill('SIGTERM')
    await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(20_000)])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {})
}

let failedToRun = false
try {
  await main()
} catch (error) {
  failedToRun = true
  console.error(`test:cluster could not run: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  await shutdown()
}
const failed = results.filter((r) => !r.ok).length
if (failed || failedToRun) console.log(`logs kept in ${work}`)
else fs.rmSync(work, { recursive: true, force: true })
console.log(`\ntest:cluster took ${((Date.now() - started) / 1000).toFixed(1)} s`)
console.log(`${results.length - failed} passed, ${failed + (failedToRun ? 1 : 0)} failed`)
process.exit(failed || failedToRun ? 1 : 0)
