import fs from 'node:fs'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { openPglite } from '@/db'
import { acquireLock, DatabaseLockedError, lockHolder } from '@/db/lock'
import { rowCounts } from './checksum'
import { assertBackupFor, BackupError, partialPath } from './format'

function assertNotInUse(dir: string) {
  const holder = lockHolder(dir)
  if (holder !== undefined) throw new DatabaseLockedError(dir, holder)
}

const hasDatabase = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'))

/** PGlite's own dump of its data directory (a gzipped tar), taken while no server holds it. */
export async function backupPglite(dir: string, file: string) {
  const resolved = path.resolve(dir)
  if (!hasDatabase(resolved)) throw new BackupError(`There is no embedded database at ${resolved} to back up.`)
  assertNotInUse(resolved)
  const handle = openPglite(resolved)
  const partial = partialPath(file)
  try {
    const client = handle.client as PGlite
    // dumpDataDir on an instance still starting up never settles: wait for it first.
    await client.waitReady
    const dump = await client.dumpDataDir('gzip')
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    fs.renameSync(partial, file)
  } finally {
    fs.rmSync(partial, { force: true })
    await handle.close()
  }
}

async function countsAt(dir: string, loadDataDir?: Blob) {
  const handle = openPglite(dir, { loadDataDir })
  try {
    return await rowCounts(handle.db)
  } finally {
    await handle.close()
  }
}

/**
 * Replaces the data directory with the dump's. The dump is first loaded into a directory beside
 * it and read back; only then is the old directory set aside, the new one moved into place and
 * opened, and the old one removed. Any failure puts the old directory back.
 */
export async function restorePglite(dir: string, file: string): Promise<Record<string, number>> {
  const resolved = path.resolve(dir)
  assertNotInUse(resolved)
  assertBackupFor('pglite', file)
  // Held for the whole swap, so a server started meanwhile refuses instead of opening half a directory.
  const release = acquireLock(resolved)
  const stamp = Date.now()
  const staging = `${resolved}.restoring-${stamp}`
  const aside = `${resolved}.before-restore-${stamp}`
  try {
    fs.rmSync(staging, { recursive: true, force: true })
    let expected: Record<string, number>
    try {
      expected = await countsAt(staging, new Blob([fs.readFileSync(file)]))
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true })
      throw new BackupError(`${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (!Object.keys(expected).some((t) => t.startsWith('"public".'))) {
      fs.rmSync(staging, { recursive: true, force: true })
      throw new BackupError(`${file} holds a database without any SkillsU tables; nothing was changed.`)
    }

    const hadOld = fs.existsSync(resolved)
    if (hadOld) fs.renameSync(resolved, aside)
    fs.renameSync(staging, resolved)
    try {
      const restored = await countsAt(resolved)
      if (JSON.stringify(restored) !== JSON.stringify(expected)) {
        throw new BackupError('the restored directory does not read back as the dump did')
      }
    } catch (error) {
      fs.rmSync(resolved, { recursive: true, force: true })
      if (hadOld) fs.renameSync(aside, resolved)
      throw error instanceof BackupError ? error : new BackupError(`Restore failed, the previous database was put back: ${String(error)}`)
    }
    fs.rmSync(aside, { recursive: true, force: true })
    return expected
  } finally {
    release()
  }
}
