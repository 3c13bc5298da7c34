import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * Migrates one template per engine for the whole run: a PGlite data directory dump that each test
 * file loads into a fresh in-memory PGlite, and, when DATABASE_URL is set, a PostgreSQL template
 * database that each test file clones with CREATE DATABASE ... TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const { openPglite, openPostgres } = await import('@/db')
  const { runMigrations } = await import('@/db/migrate')
  const { env } = await import('@/lib/env')

  // One file per run: several runs at once (helpers, CI beside a developer) never read a half-written dump.
  const dumpFile = path.resolve('.vitest', `pglite-template-${process.pid}.tar.gz`)
  fs.mkdirSync(path.dirname(dumpFile), { recursive: true })
  const lite = openPglite('memory://template')
  await runMigrations(lite)
  const dump = await (lite.client as import('@electric-sql/pglite').PGlite).dumpDataDir('gzip')
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()))
  await lite.close()
  project.provide('pgliteTemplate', dumpFile)

  let templateDb: string | undefined
  if (env.DATABASE_URL) {
    templateDb = `skillsu_tmpl_${process.pid}`
    const admin = openPostgres(env.DATABASE_URL, { max: 1 })
    const client = admin.client as import('postgres').Sql
    await client.unsafe(`drop database if exists "${templateDb}" with (force)`)
    await client.unsafe(`create database "${templateDb}"`)
    const templateUrl = new URL(env.DATABASE_URL)
    templateUrl.pathname = `/${templateDb}`
    const tmpl = openPostgres(templateUrl.toString(), { max: 2 })
    await runMigrations(tmpl)
    await tmpl.close()
    await admin.close()
  }
  project.provide('postgresTemplate', templateDb ?? '')

  return async () => {
    fs.rmSync(dumpFile, { force: true })
    if (templateDb && env.DATABASE_URL) {
      const admin = openPostgres(env.DATABASE_URL, { max: 1 })
      await (admin.client as import('postgres').Sql).unsafe(`drop database if exists "${templateDb}" with (force)`)
      await admin.close()
    }
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string
    postgresTemplate: string
  }
}
