/**
 * End-to-end outage check against a production build (run by `npm test`'s `reliability` step, test/reliability.ts).
 *
 *   NEXT_DIST_DIR=.next-x npx next build
 *   NEXT_DIST_DIR=.next-x DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
 *     node --import tsx test/outage/server-outage.ts [--port 3307]
 *
 * Starts `scripts/start.ts --no-build` on a database of its own reached through a TCP proxy, cuts
 * the proxy each way, and checks that /api/health answers 503 within a second, that a role search
 * (rendered per request, read uncached) answers with the friendly error page instead of hanging, and that both serve again once
 * the proxy forwards, with the same server process.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import postgres from 'postgres'
import { startTcpProxy, type ProxyMode } from './tcp-proxy'

const argPort = process.argv.indexOf('--port')
const port = argPort === -1 ? 3307 : Number(process.argv[argPort + 1])
const adminUrl = process.env.DATABASE_URL
if (!adminUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server this check may create a database on.')
const base = `http://127.0.0.1:${port}`
// A search renders per request and reads the database uncached (a fresh term each time).
const page = () => `/roles?q=outage${randomBytes(3).toString('hex')}`
const failures: string[] = []

async function get(path: string, timeoutMs = 30_000) {
  const started = performance.now()
  try {
    const response = await fetch(base + path, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' })
    const body = await response.text()
    return { status: response.status, body, ms: Math.round(performance.now() - started) }
  } catch (error) {
    return { status: 0, body: String(error), ms: Math.round(performance.now() - started) }
  }
}

function check(label: string, ok: boolean, detail: string) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}: ${detail}`)
  if (!ok) failures.push(label)
}

async function waitFor(path: string, status: number, timeoutMs: number) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const r = await get(path, 2000)
    if (r.status === status) return Date.now() - (until - timeoutMs)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return undefined
}

function chromiumPath() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && fs.existsSync(p))
}

async function shownInBrowser(browser: Browser, path: string) {
  const started = performance.now()
  const tab = await browser.newPage()
  try {
    await tab.goto(base + path, { timeout: 30_000 })
    await tab.getByRole('heading', { name: 'Something went wrong on our side' }).waitFor({ timeout: 30_000 })
    return { friendly: true, ms: Math.round(performance.now() - started) }
  } catch {
    return { friendly: false, ms: Math.round(performance.now() - started) }
  } finally {
    await tab.close()
  }
}

async function main() {
  const target = new URL(adminUrl!)
  const name = `skillsu_outage_${randomBytes(4).toString('hex')}`
  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database "${name}"`)
  const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432))
  const appUrl = new URL(adminUrl!)
  appUrl.host = `127.0.0.1:${proxy.port}`
  appUrl.pathname = `/${name}`

  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: appUrl.toString(),
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString('hex'),
      DB_CONNECT_TIMEOUT_S: '2',
      DB_STATEMENT_TIMEOUT_MS: '2000',
      OUTBOX_DISABLED: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const browser = await chromium.launch({ executablePath: chromiumPath() })
  try {
    const ready = await waitFor('/api/health', 200, 120_000)
    if (ready === undefined) throw new Error('the server did not become healthy within 120 s')
    const warm = await get(page())
    check('page while up', warm.status === 200, `${warm.status} in ${warm.ms} ms`)

    for (const mode of ['refuse', 'blackhole', 'stall'] as Exclude<ProxyMode, 'forward'>[]) {
      await Promise.all([get('/api/health'), get(page())])
      await proxy.set(mode)
      const health = await get('/api/health', 5000)
      check(`${mode}: /api/health`, health.status === 503 && health.ms < 1000, `${health.status} in ${health.ms} ms`)
      // Over HTTP: an error status, soon. The HTML is Next's error shell; the app's error page
      // (app/(site)/error.tsx) renders in the browser, so a browser checks what a person sees.
      const down = await get(page(), 30_000)
      check(`${mode}: /roles?q=… over HTTP`, down.status >= 500, `${down.status || 'no answer'} in ${down.ms} ms`)
      const seen = await shownInBrowser(browser, page())
      check(`${mode}: /roles?q=… in Chromium`, seen.friendly, `friendly error page ${seen.friendly ? 'shown' : 'not shown'} after ${seen.ms} ms`)
      await proxy.set('forward')
      const back = await waitFor('/api/health', 200, 20_000)
      check(`${mode}: health back`, back !== undefined, back === undefined ? 'still down after 20 s' : `200 after ${back} ms`)
      const again = await get(page())
      check(`${mode}: page back`, again.status === 200, `${again.status} in ${again.ms} ms`)
    }
    check('same server process', server.exitCode === null, `pid ${server.pid}`)
  } finally {
    await browser.close()
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await proxy.close()
    await admin.unsafe(`drop database if exists "${name}" with (force)`)
    await admin.end()
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed.` : '\nAll outage checks passed.')
  process.exit(failures.length ? 1 : 0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
