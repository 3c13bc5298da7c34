import net from 'node:net'
import { randomUUID } from 'node:crypto'
import { like } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { rateLimits } from '@/db/schema'
import { describeEachEngine } from '@/test/db'
import { check, connectRedis, consume, createRateLimiter, reset, type Limit } from './rate-limit'

// CI runs Redis on 127.0.0.1:6379; elsewhere the shared-counter tests skip and say why.
const redisUrl = 'redis://127.0.0.1:6379'
const redisUp = await new Promise<boolean>((resolve) => {
  const socket = net.connect({ host: '127.0.0.1', port: 6379, timeout: 500 })
  socket.once('connect', () => (socket.destroy(), resolve(true)))
  socket.once('error', () => resolve(false))
  socket.once('timeout', () => (socket.destroy(), resolve(false)))
})
if (!redisUp) console.warn('rate-limit.db.test: no Redis on 127.0.0.1:6379, the Redis tests are skipped')

// A port nothing listens on: a Redis that is down.
const deadRedisUrl = 'redis://127.0.0.1:1'

const limitNamed = (name: string, points = 3): Limit => ({ name: `${name}-${randomUUID().slice(0, 8)}`, points, durationSeconds: 60 })

describeEachEngine('rate limits on PostgreSQL (no REDIS_URL)', ({ handle }) => {
  it('refuses once the points are used, per key, with the time to wait, and keeps the count in the rate_limits table', async () => {
    const limit = limitNamed('pg')
    for (let i = 0; i < 3; i++) expect(await consume(limit, 'a@example.com')).toEqual({ ok: true })
    const refused = await consume(limit, 'a@example.com')
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(50)
    expect(await consume(limit, 'b@example.com')).toEqual({ ok: true })
    expect((await check(limit, 'a@example.com')).ok).toBe(false)
    const rows = await handle().db.select().from(rateLimits).where(like(rateLimits.key, `${limit.name}:%`))
    expect(rows.map((r) => [r.key, r.points]).sort()).toEqual([
      [`${limit.name}:a@example.com`, 4],
      [`${limit.name}:b@example.com`, 1],
    ])
    await reset(limit, 'a@example.com')
    expect(await check(limit, 'a@example.com')).toEqual({ ok: true })
  })

  it('blocks for blockSeconds once the points are used up', async () => {
    const limit: Limit = { ...limitNamed('block', 1), blockSeconds: 600 }
    await consume(limit, 'k')
    const refused = await consume(limit, 'k')
    expect(refused.ok === false && refused.retryAfterSeconds > 500).toBe(true)
  })

  it('with Redis down, counts in PostgreSQL instead (the insurance limiter): limits still hold', async () => {
    const store = createRateLimiter({ redisUrl: deadRedisUrl })
    try {
      const limit = limitNamed('insured', 2)
      const started = Date.now()
      expect(await store.consume(limit, 'k')).toEqual({ ok: true })
      expect(await store.consume(limit, 'k')).toEqual({ ok: true })
      expect((await store.consume(limit, 'k')).ok).toBe(false)
      expect((await store.check(limit, 'k')).ok).toBe(false)
      // No waiting for a connection that is not there.
      expect(Date.now() - started).toBeLessThan(2_000)
      const [row] = await handle().db.select().from(rateLimits).where(like(rateLimits.key, `${limit.name}:k`))
      expect(row?.points).toBe(3)
      await store.reset(limit, 'k')
      expect(await store.consume(limit, 'k')).toEqual({ ok: true })
    } finally {
      await store.close()
    }
  })

  it.skipIf(!redisUp)('with REDIS_URL, two app instances share one count in Redis (nothing written to PostgreSQL)', async () => {
    const first = createRateLimiter({ redisUrl })
    const second = createRateLimiter({ redisUrl })
    const inspect = connectRedis(redisUrl)
    try {
      const limit = limitNamed('shared', 3)
      await Promise.all([first.connected(), second.connected()])
      expect(await first.consume(limit, '10.0.0.1')).toEqual({ ok: true })
      expect(await second.consume(limit, '10.0.0.1')).toEqual({ ok: true })
      expect(await first.consume(limit, '10.0.0.1')).toEqual({ ok: true })
      // The fourth call, on the other instance, is refused: the count is shared.
      const refused = await second.consume(limit, '10.0.0.1')
      expect(refused.ok).toBe(false)
      expect((await first.check(limit, '10.0.0.1')).ok).toBe(false)
      expect(await second.consume(limit, '10.0.0.2')).toEqual({ ok: true })
      expect(await inspect.get(`rl:${limit.name}:10.0.0.1`)).toBe('4')
      const rows = await handle().db.select().from(rateLimits).where(like(rateLimits.key, `${limit.name}:%`))
      expect(rows).toEqual([])
      await second.reset(limit, '10.0.0.1')
      expect(await first.check(limit, '10.0.0.1')).toEqual({ ok: true })
      await first.reset(limit, '10.0.0.2')
    } finally {
      await Promise.all([first.close(), second.close(), inspect.quit()])
    }
  })
})
