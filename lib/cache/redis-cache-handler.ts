/**
 * Next's cache in Redis, shared by every app instance: rendered pages and `unstable_cache` data
 * (the incremental cache; this app uses no 'use cache'). next.config.ts points `cacheHandler` here
 * when REDIS_URL is set; without it Next keeps its own in-memory cache.
 *
 * - Entries live under `skillsu:cache:<build id>:`, so instances of two releases (a rolling
 *   deploy) never serve each other's HTML, which names that build's script files. They expire
 *   after 7 days unused at most, so old releases' entries go away on their own.
 * - Tags: a publish calls `revalidateTag`/`updateTag`, which records tag -> time in one hash
 *   shared by all releases; an entry whose tags (its own, Next's implicit path tags, and the ones
 *   the caller asks with) were revalidated at or after it was written is a miss, on every
 *   instance, on the next request. Both times come from the Redis server's clock, so clocks of
 *   different machines cannot disagree. Every revalidation expires at once (the app uses
 *   `updateTag` and `revalidateTag(tag, { expire: 0 })`); stale-while-revalidate profiles
 *   are not served stale here.
 * - Redis down: reads miss (pages render from the database), writes are dropped, and tags that
 *   could not be recorded are written once Redis is back. Nothing waits longer than 500 ms.
 *
 * Loaded by the server with import() at run time (not bundled), under the tsx loader that
 * scripts/start.ts runs in. Each request makes a new handler; the connection is per process.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Redis } from 'ioredis'
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache'
import { env } from '../env'

type GetContext = Parameters<CacheHandler['get']>[1]
type SetData = Parameters<CacheHandler['set']>[1]
type SetContext = Parameters<CacheHandler['set']>[2]

export const defaultKeyPrefix = 'skillsu:cache:'
const maxTtlSeconds = 7 * 24 * 60 * 60
const tagsHeader = 'x-next-cache-tags'

interface Envelope {
  tags: string[]
  cacheControl?: CacheHandlerValue['cacheControl']
  value: SetData
}

export interface RedisCacheStoreOptions {
  client: Redis
  /** Every key starts with this (tests use their own). */
  keyPrefix?: string
  /** Entries are kept per build; tags are shared by all builds. */
  buildId: string
  log?: (message: string) => void
}

export interface RedisCacheStore {
  get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null>
  set(key: string, data: SetData, ctx: SetContext): Promise<void>
  revalidateTag(tags: string | string[]): Promise<void>
  /** Tags that could not be recorded while Redis was down (written again on reconnect). */
  readonly pendingTags: ReadonlySet<string>
  /** Writes the pending tags now; resolves false if Redis is still unreachable. */
  flushPendingTags(): Promise<boolean>
}

// Both scripts stamp with the Redis server's clock, in milliseconds.
const nowMs = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`
/** KEYS[1] entry; ARGV[1] JSON, ARGV[2] ttl seconds. Returns the write time. */
const setEntryScript = `${nowMs} redis.call('HSET', KEYS[1], 'v', ARGV[1], 't', now) redis.call('EXPIRE', KEYS[1], ARGV[2]) return now`
/** KEYS[1] tags hash; ARGV tags. */
const revalidateScript = `${nowMs} for i = 1, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], now) end return now`

/** Buffers and Maps (a page's RSC payload and segments) survive JSON as tagged objects. */
export function encodeEntry(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key]
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') }
    if (raw instanceof Map) return { $map: [...raw.entries()] }
    return replaced
  })
}

export function decodeEntry(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value
    const tagged = value as { $bytes?: unknown; $map?: unknown }
    if (Object.keys(tagged).length !== 1) return value
    if (typeof tagged.$bytes === 'string') return Buffer.from(tagged.$bytes, 'base64')
    if (Array.isArray(tagged.$map)) return new Map(tagged.$map as [unknown, unknown][])
    return value
  })
}

/** The tags an entry was stored with: a page's from its x-next-cache-tags header, data's from the caller. */
function entryTags(data: SetData, ctx: SetContext): string[] {
  if ('fetchCache' in ctx && ctx.fetchCache) return ctx.tags ?? []
  const headers = data && 'headers' in data ? data.headers : undefined
  const header = headers?.[tagsHeader]
  return typeof header === 'string' && header ? header.split(',') : []
}

function requestedTags(ctx: GetContext): string[] {
  return 'tags' in ctx || 'softTags' in ctx ? [...(('tags' in ctx && ctx.tags) || []), ...(('softTags' in ctx && ctx.softTags) || [])] : []
}

export function createRedisCacheStore({ client, keyPrefix = defaultKeyPrefix, buildId, log = console.warn }: RedisCacheStoreOptions): RedisCacheStore {
  const entryKey = (key: string) => `${keyPrefix}${buildId}:${key}`
  const tagsKey = `${keyPrefix}tags`
  const pending = new Set<string>()
  let degraded = false

  const failed = (what: string, error: unknown) => {
    // Once per outage, not once per request.
    if (!degraded) log(`Redis cache: ${what} failed (${error instanceof Error ? error.message : String(error)}); serving uncached until Redis answers`)
    degraded = true
  }
  const succeeded = () => {
    degraded = false
  }

  async function writeTags(tags: string[]) {
    await client.eval(revalidateScript, 1, tagsKey, ...tags)
  }

  async function flushPendingTags(): Promise<boolean> {
    if (pending.size === 0) return true
    const tags = [...pending]
    try {
      await writeTags(tags)
      for (const tag of tags) pending.delete(tag)
      log(`Redis cache: recorded ${tags.length} tag revalidation(s) made while Redis was unreachable`)
      return true
    } catch {
      return false
    }
  }
  client.on('ready', () => void flushPendingTags())

  /** The entry, unless one of its tags was revalidated at or after it was written. */
  async function read(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const [json, writtenAt] = await client.hmget(entryKey(key), 'v', 't')
    if (json == null || writtenAt == null) return null
    const entry = decodeEntry(json) as Envelope
    const lastModified = Number(writtenAt)
    const tags = [...new Set([...entry.tags, ...requestedTags(ctx)])]
    if (tags.length > 0) {
      const revalidatedAt = await client.hmget(tagsKey, ...tags)
      if (revalidatedAt.some((at) => at !== null && Number(at) >= lastModified)) return null
    }
    return { lastModified, value: entry.value, cacheControl: entry.cacheControl }
  }

  return {
    pendingTags: pending,
    flushPendingTags,

    async get(key, ctx) {
      try {
        const found = await read(key, ctx)
        succeeded()
        return found
      } catch (error) {
        failed('read', error)
        return null
      }
    },

    async set(key, data, ctx) {
      const cacheControl = 'cacheControl' in ctx ? ctx.cacheControl : undefined
      const envelope: Envelope = { tags: entryTags(data, ctx), cacheControl, value: data }
      const ttl = Math.max(1, Math.min(maxTtlSeconds, cacheControl?.expire ?? maxTtlSeconds))
      try {
        await client.eval(setEntryScript, 1, entryKey(key), encodeEntry(envelope), ttl)
        succeeded()
      } catch (error) {
        failed('write', error)
      }
    },

    async revalidateTag(tags) {
      const list = [...new Set(typeof tags === 'string' ? [tags] : tags)]
      if (list.length === 0) return
      try {
        await writeTags(list)
        succeeded()
      } catch (error) {
        // Remembered and written on reconnect: meanwhile every read misses anyway.
        for (const tag of list) pending.add(tag)
        failed('tag revalidation', error)
      }
    },
  }
}

/** A client that never queues commands while disconnected and gives up on a slow answer. */
export function connectCacheRedis(url: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
  })
  client.on('error', () => {})
  return client
}

function readBuildId(serverDistDir: string | undefined): string {
  try {
    return fs.readFileSync(path.join(serverDistDir ?? '.next/server', '..', 'BUILD_ID'), 'utf8').trim()
  } catch {
    return 'unknown-build'
  }
}

const shared = globalThis as unknown as { __skillsuRedisCache?: RedisCacheStore }

/** The class Next instantiates (once per request); all instances share one store per process. */
export default class RedisCacheHandler implements CacheHandler {
  private readonly store: RedisCacheStore

  constructor(ctx: CacheHandlerContext) {
    if (!env.REDIS_URL) throw new Error('The Redis cache handler needs REDIS_URL')
    shared.__skillsuRedisCache ??= createRedisCacheStore({ client: connectCacheRedis(env.REDIS_URL), buildId: readBuildId(ctx.serverDistDir) })
    this.store = shared.__skillsuRedisCache
  }

  get(key: string, ctx: GetContext) {
    return this.store.get(key, ctx)
  }

  set(key: string, data: SetData, ctx: SetContext) {
    return this.store.set(key, data, ctx)
  }

  revalidateTag(tags: string | string[]) {
    return this.store.revalidateTag(tags)
  }

  resetRequestCache() {}
}
