import { sql } from 'drizzle-orm'
import { queryRows, type Executor } from '@/db'

export interface TableSummary {
  /** schema.table */
  table: string
  rows: number
  /** md5 over the md5 of every row's text form, in a stable order: equal hashes, equal content. */
  hash: string
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Every table the app owns (the public schema and Drizzle's migration journal). */
export async function listTables(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ schema: string; name: string }>(
    executor,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle')
        order by table_schema, table_name`,
  )
  return rows.map((r) => `${quote(r.schema)}.${quote(r.name)}`)
}

/** Row counts, cheap enough for the restore command to print and compare. */
export async function rowCounts(executor: Executor): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of await listTables(executor)) {
    const [row] = await queryRows<{ n: number | string }>(executor, sql.raw(`select count(*) as n from ${table}`))
    counts[table] = Number(row?.n ?? 0)
  }
  return counts
}

/** A content hash per table; two databases with equal summaries hold the same rows, byte for byte. */
export async function tableChecksums(executor: Executor): Promise<TableSummary[]> {
  const summaries: TableSummary[] = []
  for (const table of await listTables(executor)) {
    // Hashing each row first keeps the aggregate small even for tables of large media rows.
    const [row] = await queryRows<{ n: number | string; hash: string }>(
      executor,
      sql.raw(
        `select count(*) as n, md5(coalesce(string_agg(h, ',' order by h), '')) as hash
         from (select md5(t::text) as h from ${table} t) rows`,
      ),
    )
    summaries.push({ table, rows: Number(row?.n ?? 0), hash: row?.hash ?? '' })
  }
  return summaries
}
