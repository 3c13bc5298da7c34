import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { db } from '@/db'
import { dbQueryCount, onDbQuery, type DbQueryEvent } from '@/lib/observability/db-events'
import { describeEachEngine } from '@/test/db'

describeEachEngine('db query events', ({ engine }) => {
  let events: DbQueryEvent[]
  let unsubscribe: () => void
  beforeEach(async () => {
    // PGlite loads its type catalogue with queries of its own on first use.
    await db.execute(sql`select 1`)
    events = []
    unsubscribe = onDbQuery((e) => events.push(e))
  })
  afterEach(() => unsubscribe())

  it('reports each statement once, with its duration', async () => {
    const before = dbQueryCount()
    await db.execute(sql`select 1`)
    await db.execute(sql`select pg_sleep(0.02)`)
    expect(dbQueryCount() - before).toBe(2)
    expect(events).toHaveLength(2)
    expect(events.every((e) => e.ok)).toBe(true)
    expect(events[1]!.durationMs).toBeGreaterThanOrEqual(15)
  })

  it('reports statements inside transactions, not BEGIN/COMMIT', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1`)
      await tx.execute(sql`select 2`)
    })
    expect(events).toHaveLength(2)
  })

  it('reports statements inside nested transactions', async () => {
    await db.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select 2`)
      })
    })
    // Drizzle sends PGlite's savepoint and its release as statements; postgres.js handles them itself.
    expect(events).toHaveLength(engine === 'pglite' ? 3 : 1)
  })

  it('reports a failing statement as not ok', async () => {
    await expect(db.execute(sql`select * from no_such_table`)).rejects.toThrow()
    expect(events).toHaveLength(1)
    expect(events[0]!.ok).toBe(false)
  })

  it('stops calling a listener once unsubscribed, and survives a throwing listener', async () => {
    unsubscribe()
    const stop = onDbQuery(() => {
      throw new Error('listener bug')
    })
    try {
      await db.execute(sql`select 1`)
    } finally {
      stop()
    }
    expect(events).toHaveLength(0)
  })
})
