import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export type BackupEngine = 'postgres' | 'pglite'

/** A backup that cannot be made or restored, with a message meant for the person at the terminal. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

export const engineLabel: Record<BackupEngine, string> = {
  postgres: 'PostgreSQL (pg_dump custom format)',
  pglite: 'embedded PGlite (data directory dump, .tar.gz)',
}

/** backups/skillsu-<engine>-20260128T101500Z.<ext>: sorts by time, says what it holds. */
export function defaultBackupPath(engine: BackupEngine, now = new Date(), dir = 'backups') {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return path.join(dir, `skillsu-${engine}-${stamp}.${engine === 'postgres' ? 'dump' : 'tar.gz'}`)
}

function readHead(file: string, bytes: number) {
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const read = fs.readSync(fd, buffer, 0, bytes, 0)
    return buffer.subarray(0, read)
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Which engine a backup file was made from, by its content rather than its name: pg_dump's
 * custom format starts with "PGDMP"; a PGlite dump is a gzipped tar ("ustar" at byte 257).
 */
export function detectBackupEngine(file: string): BackupEngine | undefined {
  const head = readHead(file, 4096)
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres'
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      const tar = zlib.gunzipSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH })
      if (tar.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite'
    } catch {
      // not a readable gzip stream
    }
  }
  return undefined
}

/** Refuses a missing file, an unknown file and a file of the other engine, before anything is touched. */
export function assertBackupFor(engine: BackupEngine, file: string) {
  if (!fs.existsSync(file)) throw new BackupError(`No backup file at ${file}.`)
  const found = detectBackupEngine(file)
  if (!found) {
    throw new BackupError(`${file} is not a SkillsU backup: neither a pg_dump custom-format archive nor a PGlite data directory dump.`)
  }
  if (found !== engine) {
    const hint =
      engine === 'postgres'
        ? 'Unset DATABASE_URL to restore it into the embedded database.'
        : 'Set DATABASE_URL to the PostgreSQL server to restore it there.'
    throw new BackupError(
      `${file} is a backup of the ${engineLabel[found]} database, but this app is configured for ${engineLabel[engine]}. ${hint}`,
    )
  }
}

/** Writes through a temporary name so an interrupted backup never leaves a file that looks complete. */
export function partialPath(file: string) {
  return `${file}.partial`
}
