import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { openPglite, openPostgres, setDatabase, type DatabaseHandle } from '@/db'
import { env } from '@/lib/env'

export type Engine = 'pglite' | 'postgres'

/** Engines the database tests run on: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export const testEngines: Engine[] = env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

function adminClient() {
  return openPostgres(env.DATABASE_URL!, { max: 1 })
}

/** A fresh, migrated database of its own; `drop()` removes it. */
export async function createTestDatabase(engine: Engine): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))])
    const handle = openPglite('memory://', { loadDataDir: dump })
    return { ...handle, drop: () => handle.close() }
  }
  const name = `skillsu_test_${randomBytes(6).toString('hex')}`
  const admin = adminClient()
  const sql = admin.client as import('postgres').Sql
  for (let attempt = 0; ; attempt++) {
    try {
      await sql.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`)
      break
    } catch (error) {
      // Two workers cloning the same template at the same instant: wait and retry.
      if (attempt >= 20) throw error
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
    }
  }
  await admin.close()
  const url = new URL(env.DATABASE_URL!)
  url.pathname = `/${name}`
  const handle = openPostgres(url.toString(), { max: 4 })
  return {
    ...handle,
    drop: async () => {
      await handle.close()
      const a = adminClient()
      await (a.client as import('postgres').Sql).unsafe(`drop database if exists "${name}" with (force)`)
      await a.close()
    },
  }
}

/**
 * Runs a suite once per engine, each on a fresh migrated database that is also installed as the
 * app's `db` (so the data layer under test uses it).
 */
export function describeEachEngine(name: string, body: (ctx: { handle: () => DatabaseHandle; engine: Engine }) => void) {
  for (const engine of testEngines) {
    describe(`${name} [${engine}]`, () => {
      let current: (DatabaseHandle & { drop(): Promise<void> }) | undefined
      beforeAll(async () => {
        current = await createTestDatabase(engine)
        setDatabase(current)
      })
      afterAll(async () => {
        setDatabase(undefined)
        await current?.drop()
      })
      body({ handle: () => current!, engine })
    })
  }
}
