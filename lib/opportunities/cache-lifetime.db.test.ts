import { eq, sql } from 'drizzle-orm'
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'

/**
 * A next/cache that behaves like Next's data cache for these reads: one entry per key parts and
 * arguments, its lifetime taken from the `revalidate` of the call that reads it, and every
 * call's options recorded.
 */
const cache = vi.hoisted(() => {
  const entries = new Map<string, { value: unknown; storedAt: number }>()
  const calls: { keyParts: string[]; tags: string[]; revalidate: number | false | undefined }[] = []
  return { entries, calls }
})
vi.mock('next/cache', () => ({
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[] = [], options: { tags?: string[]; revalidate?: number | false } = {}) =>
    async (...args: A): Promise<R> => {
      cache.calls.push({ keyParts, tags: options.tags ?? [], revalidate: options.revalidate })
      const key = `${keyParts.join(',')}:${JSON.stringify(args)}`
      const hit = cache.entries.get(key)
      const lifetime = typeof options.revalidate === 'number' ? options.revalidate : Number.POSITIVE_INFINITY
      if (hit && (Date.now() - hit.storedAt) / 1000 <= lifetime) return hit.value as R
      const value = JSON.parse(JSON.stringify(await fn(...args))) as R
      cache.entries.set(key, { value, storedAt: Date.now() })
      return value
    },
  updateTag: () => {},
  revalidateTag: () => {},
}))

import type { Database } from '@/db'
import { opportunities, programs, roles } from '@/db/schema'
import { seed } from '@/db/seed'
import { describeEachEngine } from '@/test/db'
import { listLatestOpportunitiesForRole, listPublishedOpportunities } from './data'

describeEachEngine('opportunity cache lifetime', ({ handle }) => {
  const d = (): Database => handle().db
  let roleId = ''

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
    // The seed's sample listings and programs are tested on their own; start from none.
    await d().delete(opportunities)
    await d().delete(programs)
    roleId = (await d().select({ id: roles.id }).from(roles).where(eq(roles.slug, 'data-engineer')))[0]!.id
  })

  beforeEach(() => {
    cache.entries.clear()
    cache.calls.length = 0
  })
  afterEach(() => vi.useRealTimers())

  /** Moves the app's clock (not the database's) forward. */
  function later(seconds: number) {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + seconds * 1000 })
  }

  const listing = (title: string, expiresInSeconds: number | null) => ({
    title,
    companyName: 'Cache Co',
    roleId,
    location: 'Remote',
    remote: true,
    description: 'x',
    applyUrl: `https://example.com/${encodeURIComponent(title)}`,
    status: 'published',
    publishedAt: sql`now() - interval '1 day'`,
    expiresAt: expiresInSeconds === null ? null : sql`now() + make_interval(secs => ${expiresInSeconds}::int)`,
  })

  it('reads the entry again with a lifetime ending at the earliest expiry, tagged for refreshes', async () => {
    await d()
      .insert(opportunities)
      .values([listing('Soon', 3600), listing('Later', 7200), listing('Never', null)])
    const rows = await listLatestOpportunitiesForRole('data-engineer', 10)
    expect(rows.map((r) => r.title).sort()).toEqual(['Later', 'Never', 'Soon'])
    expect(cache.calls).toHaveLength(2)
    expect(cache.calls[0]).toEqual({ keyParts: ['opportunities:latest-for-role'], tags: ['opportunities', 'role:data-engineer'], revalidate: undefined })
    expect(cache.calls[1]!.keyParts).toEqual(['opportunities:latest-for-role'])
    expect(cache.calls[1]!.tags).toEqual(['opportunities', 'role:data-engineer'])
    // Seconds until "Soon" expires, give or take the test's own run time.
    expect(cache.calls[1]!.revalidate).toBeGreaterThan(3590)
    expect(cache.calls[1]!.revalidate).toBeLessThanOrEqual(3600)
  })

  it('with nothing expiring there is no lifetime, only the tags', async () => {
    await d().delete(opportunities)
    await d().insert(opportunities).values(listing('Open-ended', null))
    const rows = await listPublishedOpportunities()
    expect(rows.map((r) => r.expiresAt)).toEqual([null])
    expect(cache.calls).toEqual([{ keyParts: ['opportunities:published'], tags: ['opportunities'], revalidate: undefined }])
  })

  it('an opportunity disappears by itself once it expires, and the entry refills after its lifetime', async () => {
    await d().delete(opportunities)
    await d()
      .insert(opportunities)
      .values([listing('Brief', 90), listing('Long', 86_400)])
    const first = await listPublishedOpportunities()
    expect(first.map((r) => r.title).sort()).toEqual(['Brief', 'Long'])

    // 100 s later "Brief" has expired in the database; the cached entry (lifetime ~90 s) is stale.
    await d()
      .update(opportunities)
      .set({ expiresAt: sql`now() - interval '10 seconds'` })
      .where(eq(opportunities.title, 'Brief'))
    later(100)
    const afterExpiry = await listPublishedOpportunities()
    expect(afterExpiry.map((r) => r.title)).toEqual(['Long'])
    // The stale entry was read with the one-minute floor, which refreshed it; from the next read
    // on, the refreshed entry lives until "Long" expires.
    expect(cache.calls.at(-1)!.revalidate).toBe(60)
    expect((await listPublishedOpportunities()).map((r) => r.title)).toEqual(['Long'])
    expect(cache.calls.at(-1)!.revalidate).toBeGreaterThan(86_000)
  })

  it('an expired row still inside a fresh entry (the one-minute floor) is dropped on the way out', async () => {
    await d().delete(opportunities)
    await d()
      .insert(opportunities)
      .values([listing('Seconds', 20), listing('Hours', 7200)])
    expect((await listPublishedOpportunities()).map((r) => r.title).sort()).toEqual(['Hours', 'Seconds'])
    // 30 s later: the entry is still fresh (at least 60 s), yet "Seconds" is past its expiry.
    later(30)
    const calls = cache.calls.length
    expect((await listPublishedOpportunities()).map((r) => r.title)).toEqual(['Hours'])
    expect(cache.calls.length).toBe(calls + 2)
  })
})
