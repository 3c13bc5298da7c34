import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql, type SQL } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { env } from '@/lib/env'
import { reconnectBackoff, watchedSocket } from '@/lib/health/connection-watchdog'
import { instrumentPglite, instrumentPostgres } from './instrument'
import { acquireLock } from './lock'
import * as schema from './schema'

export type Schema = typeof schema
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Either the database or a transaction on it: data functions accept both so callers can compose. */
export type Executor = Database | Transaction

export interface DatabaseHandle {
  db: Database
  engine: 'postgres' | 'pglite'
  /** Human-readable location without credentials, for logs. */
  location: string
  close(): Promise<void>
  /** The raw client; tests and scripts use it for things Drizzle does not cover (dumps, CREATE DATABASE). */
  client: PGlite | postgres.Sql
}

export function openPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  // Every query is reported to lib/observability/db-events (round-trip counts, metrics).
  const client = instrumentPostgres(postgres(url, {
    max: options.max ?? env.DB_POOL_MAX,
    connect_timeout: env.DB_CONNECT_TIMEOUT_S,
    idle_timeout: 30,
    max_lifetime: 60 * 30,
    onnotice: () => {},
    connection: { statement_timeout: env.DB_STATEMENT_TIMEOUT_MS, application_name: 'skillsu' },
    // Back within about a second once the database is reachable again (the default waits up to 20 s).
    backoff: reconnectBackoff,
    // A server gone silent mid-query is dropped soon after statement_timeout would have answered.
    socket: watchedSocket(env.DB_STATEMENT_TIMEOUT_MS + 5_000),
  } as postgres.Options<Record<string, postgres.PostgresType>>))
  const parsed = new URL(url)
  return {
    db: drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database,
    engine: 'postgres',
    location: `postgres://${parsed.host}${parsed.pathname}`,
    client,
    close: () => client.end({ timeout: 5 }),
  }
}

/** Opens an embedded database: on disk (locked against other processes) or in memory (`memory://`). */
export function openPglite(dir: string, options: { loadDataDir?: Blob | File } = {}): DatabaseHandle {
  const inMemory = dir.startsWith('memory://')
  const release = inMemory ? () => {} : acquireLock(dir)
  const client = instrumentPglite(new PGlite(inMemory ? dir : path.resolve(dir), { loadDataDir: options.loadDataDir }))
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database,
    engine: 'pglite',
    location: inMemory ? dir : path.resolve(dir),
    client,
    close: async () => {
      try {
        await client.close()
      } finally {
        release()
      }
    },
  }
}

// One handle per process, shared by every module copy (the Next server bundles its own copy of
// this file next to the one scripts load, and both must reach the same PGlite instance).
const globalForDb = globalThis as typeof globalThis & { __skillsuDb?: DatabaseHandle }

/** The process's database, opened on first use, so importing this module (e.g. in `next build`) opens nothing. */
export function getDatabase(): DatabaseHandle {
  globalForDb.__skillsuDb ??= env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DIR)
  return globalForDb.__skillsuDb
}

/** Replaces the process's database (tests use a fresh one per file). */
export function setDatabase(handle: DatabaseHandle | undefined) {
  globalForDb.__skillsuDb = handle
}

export async function closeDatabase() {
  const handle = globalForDb.__skillsuDb
  globalForDb.__skillsuDb = undefined
  await handle?.close()
}

export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabase().db
    const value = Reflect.get(real, property, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})

/** Rows of a raw SQL query, the same shape on both engines. */
export async function queryRows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as T[] | { rows: T[] }
  return Array.isArray(result) ? result : result.rows
}

/** True when the database answers within `timeoutMs`. */
export async function pingDatabase(timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database ping timed out')), timeoutMs)
    })
    await Promise.race([db.execute(sql`select 1`), timeout])
    return true
  } catch {
    return false
  } finally {
    clearTimeout(timer)
  }
}
