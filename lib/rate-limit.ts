import 'server-only'
import { Redis } from 'ioredis'
import { RateLimiterDrizzle, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { db } from '@/db'
import { rateLimits } from '@/db/schema'
import { env } from '@/lib/env'
import { metrics } from '@/lib/observability/metrics'

/**
 * Rate limits, one module for the whole app (rate-limiter-flexible).
 *
 * - Without REDIS_URL, counters live in PostgreSQL (the `rate_limits` table, through the Drizzle
 *   store), so they hold across restarts and across instances that share the database.
 * - With REDIS_URL, counters live in Redis, shared by every instance, and the PostgreSQL limiter
 *   is the `insuranceLimiter`: while Redis is unreachable each call is counted there instead, so
 *   limits still hold (never fail open). A call fails over at once: the client queues nothing
 *   while disconnected and the limiter refuses to wait for a connection that is not ready.
 */
export interface Limit {
  name: string
  points: number
  durationSeconds: number
  /** Once the points are used up, refuse for this long (defaults to the rest of the window). */
  blockSeconds?: number
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

export interface RateLimiterStore {
  /** Uses `points` of the limit for `key`. */
  consume(limit: Limit, key: string, points?: number): Promise<LimitResult>
  /** Whether `key` is currently refused, without using a point. */
  check(limit: Limit, key: string): Promise<LimitResult>
  reset(limit: Limit, key: string): Promise<void>
  /** Resolves once Redis is connected (at once without Redis); calls before that go to PostgreSQL. */
  connected(): Promise<void>
  /** Closes the Redis connection, if any (tests and scripts; the app keeps it for its lifetime). */
  close(): Promise<void>
}

/** A Redis client that never queues commands while disconnected, so a down Redis fails over at once. */
export function connectRedis(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // Keep trying in the background (at most every 5 s); calls meanwhile go to PostgreSQL.
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  })
  // Without a listener an unreachable server is an unhandled 'error' event; the limiter reports per call.
  client.on('error', () => {})
  return client
}

/** A set of limiters on one store: PostgreSQL, or Redis insured by PostgreSQL. */
export function createRateLimiter(options: { redisUrl?: string } = {}): RateLimiterStore {
  const redis = options.redisUrl ? connectRedis(options.redisUrl) : undefined
  const limiters = new Map<string, RateLimiterAbstract>()

  function limiterFor(limit: Limit): RateLimiterAbstract {
    let limiter = limiters.get(limit.name)
    if (limiter) return limiter
    const shape = {
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds ?? 0,
    }
    const postgres = new RateLimiterDrizzle({ ...shape, storeClient: db, schema: rateLimits, clearExpiredByTimeout: false })
    limiter = redis
      ? new RateLimiterRedis({ ...shape, keyPrefix: `rl:${limit.name}`, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: postgres })
      : postgres
    limiters.set(limit.name, limiter)
    return limiter
  }

  return {
    async consume(limit, key, points = 1) {
      try {
        await limiterFor(limit).consume(key, points)
        return { ok: true }
      } catch (error) {
        if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
        throw error
      }
    },
    async check(limit, key) {
      const res = await limiterFor(limit).get(key)
      if (res && res.consumedPoints >= limit.points && res.msBeforeNext > 0) return { ok: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) }
      return { ok: true }
    },
    async reset(limit, key) {
      await limiterFor(limit).delete(key)
    },
    async connected() {
      if (!redis || redis.status === 'ready') return
      await new Promise<void>((resolve) => redis.once('ready', () => resolve()))
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect())
    },
  }
}

// One store per process (the Next bundle and the scripts share it through globalThis).
const shared = globalThis as unknown as { __skillsuRateLimiter?: RateLimiterStore }
const store = (): RateLimiterStore => (shared.__skillsuRateLimiter ??= createRateLimiter({ redisUrl: env.REDIS_URL }))

/** Refusals are counted per limit for /api/metrics. */
function counted(limit: Limit, result: LimitResult): LimitResult {
  if (!result.ok) metrics().rateLimitRefusals.inc({ limit: limit.name })
  return result
}

/** Uses `points` of the limit for `key`. */
export async function consume(limit: Limit, key: string, points = 1): Promise<LimitResult> {
  return counted(limit, await store().consume(limit, key, points))
}

/** Whether `key` is currently refused, without using a point. */
export async function check(limit: Limit, key: string): Promise<LimitResult> {
  return counted(limit, await store().check(limit, key))
}

export function reset(limit: Limit, key: string): Promise<void> {
  return store().reset(limit, key)
}

export function retryMessage(seconds: number) {
  const minutes = Math.ceil(seconds / 60)
  return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
