import { sql } from 'drizzle-orm'
import type { Database } from '../index'
import { users } from '../schema'
import { seed, type SeedOptions, type SeedResult } from './index'

/** Seeds a database that has no accounts yet (a first start); later starts leave content to the editors. */
export async function seedIfEmpty(db: Database, options: SeedOptions): Promise<SeedResult | undefined> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  if ((row?.n ?? 0) > 0) return undefined
  return seed(db, options)
}
