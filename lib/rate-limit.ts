import 'server-only'
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible'
import { db } from '@/db'
import { rateLimits } from '@/db/schema'

/**
 * Rate limits, one module for the whole app. Counters live in PostgreSQL (the `rate_limits`
 * table, through rate-limiter-flexible's Drizzle store), so they hold across restarts and across
 * instances that share the database.
 */
export interface Limit {
  name: string
  points: number
  durationSeconds: number
  /** Once the points are used up, refuse for this long (defaults to the rest of the window). */
  blockSeconds?: number
}

const limiters = new Map<string, RateLimiterDrizzle>()

function limiterFor(limit: Limit) {
  let limiter = limiters.get(limit.name)
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: limit.name,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds ?? 0,
      clearExpiredByTimeout: false,
    })
    limiters.set(limit.name, limiter)
  }
  return limiter
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number }

/** Uses `points` of the limit for `key`. */
export async function consume(limit: Limit, key: string, points = 1): Promise<LimitResult> {
  try {
    await limiterFor(limit).consume(key, points)
    return { ok: true }
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
    throw error
  }
}

/** Whether `key` is currently refused, without using a point. */
export async function check(limit: Limit, key: string): Promise<LimitResult> {
  const res = await limiterFor(limit).get(key)
  if (res && res.consumedPoints >= limit.points && res.msBeforeNext > 0) return { ok: false, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) }
  return { ok: true }
}

export async function reset(limit: Limit, key: string) {
  await limiterFor(limit).delete(key)
}

export function retryMessage(seconds: number) {
  const minutes = Math.ceil(seconds / 60)
  return `Too many attempts. Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}
