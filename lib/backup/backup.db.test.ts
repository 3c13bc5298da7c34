import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, sql, type SQL } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { openPglite, openPostgres, queryRows, type Database, type DatabaseHandle } from '@/db'
import { lockPathFor } from '@/db/lock'
import { runMigrations } from '@/db/migrate'
import { media, roles, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { env } from '@/lib/env'
import { tableChecksums } from './checksum'
import {
  BackupError,
  backupDatabase,
  postgresToolsAvailable,
  restoreDatabase,
  type DatabaseTarget,
} from './index'

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsu-backup-'))
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

/** Seed content plus a media row of random bytes: what a backup must bring back exactly. */
async function fill(db: Database) {
  await seed(db, { adminEmail: 'backup-admin@example.com', adminPassword: 'a-long-test-password' })
  const bytes = randomBytes(64 * 1024)
  const [row] = await db
    .insert(media)
    .values({ bytes, mimeType: 'image/png', byteSize: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
    .returning({ id: media.id })
  return { mediaId: row!.id, bytes }
}

/** Changes of every kind after the backup: an update, a delete and an insert. */
async function damage(db: Database, mediaId: string) {
  const [role] = await db.select({ id: roles.id }).from(roles).limit(1)
  await db.update(roles).set({ title: 'Changed after the backup' }).where(eq(roles.id, role!.id))
  await db.delete(media).where(eq(media.id, mediaId))
  await db.insert(users).values({ email: 'after-backup@example.com', name: 'After Backup' })
}

async function count(db: Database, query: SQL) {
  const [row] = await queryRows<{ n: number | string }>(db, query)
  return Number(row?.n)
}

async function mediaBytes(db: Database, id: string) {
  const [row] = await db.select({ bytes: media.bytes }).from(media).where(eq(media.id, id))
  return row ? Buffer.from(row.bytes) : undefined
}

/** The whole round trip, shared by both engines; `open` gives a fresh handle on the target. */
function roundTrip(target: () => DatabaseTarget, open: () => DatabaseHandle, ext: string) {
  it('finds every row and media byte as it was after changes and deletions are restored', async () => {
    let handle = open()
    const { mediaId, bytes } = await fill(handle.db)
    const before = await tableChecksums(handle.db)
    expect(before.find((t) => t.table === '"public"."roles"')!.rows).toBeGreaterThan(0)
    expect(before.find((t) => t.table === '"public"."media"')!.rows).toBeGreaterThan(0)
    await handle.close()

    const file = path.join(workDir, `round-trip.${ext}`)
    expect(await backupDatabase(target(), file)).toBe(file)
    expect(fs.existsSync(`${file}.partial`)).toBe(false)

    handle = open()
    await damage(handle.db, mediaId)
    const changed = await tableChecksums(handle.db)
    const differing = changed.filter((t, i) => t.hash !== before[i]!.hash).map((t) => t.table)
    expect(differing).toEqual(expect.arrayContaining(['"public"."roles"', '"public"."media"', '"public"."users"']))
    await handle.close()

    await restoreDatabase(target(), file)

    handle = open()
    try {
      expect(await tableChecksums(handle.db)).toEqual(before)
      expect((await mediaBytes(handle.db, mediaId))?.equals(bytes)).toBe(true)
      expect(await count(handle.db, sql`select count(*) as n from users where email = 'after-backup@example.com'`)).toBe(0)
    } finally {
      await handle.close()
    }
  }, 180_000)
}

describe('backup and restore [pglite]', () => {
  const dir = path.join(workDir, 'pglite')
  const target = (): DatabaseTarget => ({ engine: 'pglite', dir })

  beforeAll(async () => {
    // The run's migrated template, written to disk: the backup works on a data directory.
    const handle = openPglite(dir, { loadDataDir: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) })
    await (handle.client as import('@electric-sql/pglite').PGlite).waitReady
    await handle.close()
  })

  roundTrip(target, () => openPglite(dir), 'tar.gz')

  it('leaves no staging or set-aside directory behind', () => {
    expect(fs.readdirSync(workDir).filter((f) => f.startsWith('pglite.'))).toEqual([])
  })

  it('refuses to back up or restore while a server holds the database', async () => {
    // The vitest parent process stands in for a running `npm start`.
    fs.writeFileSync(lockPathFor(dir), String(process.ppid))
    try {
      await expect(backupDatabase(target(), path.join(workDir, 'locked.tar.gz'))).rejects.toThrow(/in use by process/)
      await expect(restoreDatabase(target(), path.join(workDir, 'round-trip.tar.gz'))).rejects.toThrow(/in use by process/)
      expect(fs.existsSync(path.join(workDir, 'locked.tar.gz'))).toBe(false)
    } finally {
      fs.rmSync(lockPathFor(dir), { force: true })
    }
  })

  it('refuses a PostgreSQL backup, an unknown file and a missing one, changing nothing', async () => {
    const pgFile = path.join(workDir, 'fake.dump')
    fs.writeFileSync(pgFile, Buffer.concat([Buffer.from('PGDMP'), randomBytes(100)]))
    const other = path.join(workDir, 'notes.txt')
    fs.writeFileSync(other, 'not a backup')
    await expect(restoreDatabase(target(), pgFile)).rejects.toThrow(/backup of the PostgreSQL .*configured for embedded PGlite/)
    await expect(restoreDatabase(target(), other)).rejects.toThrow(BackupError)
    await expect(restoreDatabase(target(), path.join(workDir, 'missing.tar.gz'))).rejects.toThrow(/No backup file/)
    const handle = openPglite(dir)
    try {
      expect(await count(handle.db, sql`select count(*) as n from roles`)).toBeGreaterThan(0)
    } finally {
      await handle.close()
    }
  })
})

const pgTools = env.DATABASE_URL ? await postgresToolsAvailable() : false
const pgSkipReason = !env.DATABASE_URL ? ' (skipped: DATABASE_URL unset)' : !pgTools ? ' (skipped: pg_dump/pg_restore not on PATH, install postgresql-client)' : ''

describe.runIf(!pgSkipReason)(`backup and restore [postgres]${pgSkipReason}`, () => {
  const name = `skillsu_backup_${randomBytes(6).toString('hex')}`
  const url = new URL(env.DATABASE_URL ?? 'postgres://localhost/unused')
  url.pathname = `/${name}`
  const target = (): DatabaseTarget => ({ engine: 'postgres', url: url.toString() })
  const admin = () => openPostgres(env.DATABASE_URL!, { max: 1 })

  beforeAll(async () => {
    const a = admin()
    await (a.client as import('postgres').Sql).unsafe(`create database "${name}"`)
    await a.close()
    const handle = openPostgres(url.toString(), { max: 2 })
    await runMigrations(handle)
    await handle.close()
  })
  afterAll(async () => {
    const a = admin()
    await (a.client as import('postgres').Sql).unsafe(`drop database if exists "${name}" with (force)`)
    await a.close()
  })

  roundTrip(target, () => openPostgres(url.toString(), { max: 2 }), 'dump')

  it('refuses a PGlite backup before touching the database', async () => {
    // The run's migrated template is a PGlite data directory dump.
    await expect(restoreDatabase(target(), inject('pgliteTemplate'))).rejects.toThrow(
      /backup of the embedded PGlite .*configured for PostgreSQL/,
    )
  })

  it('refuses a truncated archive before dropping anything', async () => {
    const whole = fs.readFileSync(path.join(workDir, 'round-trip.dump'))
    const file = path.join(workDir, 'truncated.dump')
    fs.writeFileSync(file, whole.subarray(0, 200))
    await expect(restoreDatabase(target(), file)).rejects.toThrow(/pg_restore failed/)
    const handle = openPostgres(url.toString(), { max: 1 })
    try {
      expect(await count(handle.db, sql`select count(*) as n from roles`)).toBeGreaterThan(0)
    } finally {
      await handle.close()
    }
  })
})
