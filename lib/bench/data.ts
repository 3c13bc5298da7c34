import 'server-only'
import { sql } from 'drizzle-orm'
import { db, queryRows } from '@/db'
import { env } from '@/lib/env'
import { dbQueryCount, onDbQuery } from '@/lib/observability/db-events'

/**
 * What `npm run bench` reads from the server it measures (only with BENCH_ROUTES=1): the process's
 * query count, and the statements of one request, recorded on demand so the bench can explain them.
 */
export interface RecordedQuery {
  sql: string
  params: readonly unknown[]
  durationMs: number
}

interface Recorder {
  on: boolean
  queries: RecordedQuery[]
}

const maxRecorded = 500
const globalForBench = globalThis as typeof globalThis & { __skillsuBenchRecorder?: Recorder }

function recorder(): Recorder {
  if (!globalForBench.__skillsuBenchRecorder) {
    const rec: Recorder = { on: false, queries: [] }
    onDbQuery((event) => {
      if (rec.on && event.sql && rec.queries.length < maxRecorded) rec.queries.push({ sql: event.sql, params: event.params ?? [], durationMs: event.durationMs })
    })
    globalForBench.__skillsuBenchRecorder = rec
  }
  return globalForBench.__skillsuBenchRecorder
}

export function benchRoutesEnabled(): boolean {
  return env.BENCH_ROUTES
}

/** `record`: 'start' clears and starts recording, 'stop' stops; the recording so far is returned either way. */
export function benchStats(record?: 'start' | 'stop'): { dbQueries: number; recorded: RecordedQuery[] } {
  const rec = recorder()
  const recorded = rec.queries
  if (record === 'start') {
    rec.queries = []
    rec.on = true
  } else if (record === 'stop') {
    rec.on = false
  }
  return { dbQueries: dbQueryCount(), recorded: record === 'start' ? [] : recorded }
}

/** The dynamic baseline's one trivial round trip. */
export async function benchPing(): Promise<number> {
  const [row] = await queryRows<{ one: number }>(db, sql`select 1 as one`)
  return row?.one ?? 0
}
