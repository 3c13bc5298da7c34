import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPostgres, pingDatabase, setDatabase } from '@/db'
import { env } from '@/lib/env'
import { GET as health } from '@/app/api/health/route'

/**
 * A TCP proxy in front of PostgreSQL that the test can cut and restore: the app must answer 503
 * quickly while the database is unreachable and recover by itself when it is back.
 */
describe.runIf(!!env.DATABASE_URL)('database outage [postgres]', () => {
  const target = new URL(env.DATABASE_URL ?? 'postgres://localhost')
  const sockets = new Set<net.Socket>()
  let up = true
  const proxy = net.createServer((client) => {
    if (!up) return client.destroy()
    const server = net.connect(Number(target.port || 5432), target.hostname)
    for (const s of [client, server]) {
      sockets.add(s)
      s.on('close', () => sockets.delete(s))
      s.on('error', () => {})
    }
    client.pipe(server).pipe(client)
  })
  let handle: ReturnType<typeof openPostgres>

  beforeAll(async () => {
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    const url = new URL(env.DATABASE_URL!)
    url.host = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`
    handle = openPostgres(url.toString(), { max: 2 })
    setDatabase(handle)
  })
  afterAll(async () => {
    setDatabase(undefined)
    await handle.close().catch(() => {})
    proxy.close()
  })

  it('answers 200 while the database is up', async () => {
    const response = await health()
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' })
  })

  it('answers 503 within about a second while it is down', async () => {
    up = false
    for (const s of sockets) s.destroy()
    const started = Date.now()
    const response = await health()
    expect(response.status).toBe(503)
    expect(await response.json()).toMatchObject({ status: 'degraded', database: 'down' })
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('recovers without a restart when the database is back', async () => {
    up = true
    await expect.poll(() => pingDatabase(1000), { timeout: 15_000, interval: 250 }).toBe(true)
    expect((await health()).status).toBe(200)
  })
})
