import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

// Short limits for this file's database handle, set before lib/env.ts parses them.
vi.hoisted(() => {
  process.env.DB_CONNECT_TIMEOUT_S = '1'
  process.env.DB_STATEMENT_TIMEOUT_MS = '1000'
})

import { db, openPostgres, pingDatabase, setDatabase, type DatabaseHandle } from '@/db'
import { env } from '@/lib/env'
import { GET as health } from '@/app/api/health/route'
import { startTcpProxy, type ProxyMode } from './tcp-proxy'

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now()
  const value = await work()
  return { value, ms: performance.now() - started }
}

/** How a query from a page ends while the database is unreachable: it must end, with an error. */
async function pageQuery() {
  const started = performance.now()
  try {
    await db.execute(sql`select count(*) from pg_class`)
    return { ok: true, ms: performance.now() - started }
  } catch {
    return { ok: false, ms: performance.now() - started }
  }
}

/**
 * The app's PostgreSQL connection pool behind a proxy the test cuts three ways: /api/health answers
 * 503 within a second, page queries fail instead of hanging, and the same pool serves again as
 * soon as the proxy forwards, with no restart.
 */
describe.runIf(!!env.DATABASE_URL)('database outage [postgres]', () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>
  let handle: DatabaseHandle

  beforeAll(async () => {
    const target = new URL(env.DATABASE_URL!)
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432))
    const url = new URL(env.DATABASE_URL!)
    url.host = `127.0.0.1:${proxy.port}`
    handle = openPostgres(url.toString(), { max: 2 })
    setDatabase(handle)
  })
  afterAll(async () => {
    setDatabase(undefined)
    await proxy.close()
    await handle.close().catch(() => {})
  })

  it('answers 200 while the database is up', async () => {
    const { value: response, ms } = await timed(() => health())
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up', engine: 'postgres' })
    expect(ms).toBeLessThan(1000)
  })

  // How long a page's query may take to fail in each mode: refused at once; a black hole after
  // the 1 s connect timeout; a stalled connection after the watchdog (statement timeout + 5 s).
  const limits: Record<Exclude<ProxyMode, 'forward'>, number> = { refuse: 2_000, blackhole: 4_000, stall: 9_000 }

  for (const mode of ['refuse', 'blackhole', 'stall'] as const) {
    describe(`cut: ${mode}`, () => {
      beforeAll(async () => {
        // Open connections in the pool, as a busy app has, then cut.
        await Promise.all([db.execute(sql`select 1`), db.execute(sql`select 1`)])
        await proxy.set(mode)
      })

      it('health answers 503 in under a second, every time', async () => {
        for (let i = 0; i < 3; i++) {
          const { value: response, ms } = await timed(() => health())
          expect(response.status).toBe(503)
          expect(response.headers.get('cache-control')).toBe('no-store')
          expect(await response.json()).toMatchObject({ status: 'degraded', database: 'down' })
          expect(ms).toBeLessThan(1000)
        }
      })

      it('a page query fails instead of hanging', async () => {
        const result = await pageQuery()
        expect(result.ok).toBe(false)
        expect(result.ms).toBeLessThan(limits[mode])
      }, 20_000)

      it('serves again without a restart once the database is reachable', async () => {
        await proxy.set('forward')
        const started = performance.now()
        await expect.poll(() => pingDatabase(800), { timeout: 15_000, interval: 200 }).toBe(true)
        expect(performance.now() - started).toBeLessThan(10_000)
        expect((await health()).status).toBe(200)
        expect((await pageQuery()).ok).toBe(true)
      }, 20_000)
    })
  }
})
