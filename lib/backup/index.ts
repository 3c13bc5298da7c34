import { backupPglite, restorePglite } from './pglite'
import { backupPostgres, restorePostgres } from './postgres'
import { defaultBackupPath, type BackupEngine } from './format'

export { BackupError, assertBackupFor, defaultBackupPath, detectBackupEngine, type BackupEngine } from './format'
export { backupPglite, restorePglite } from './pglite'
export { backupPostgres, restorePostgres, postgresToolsAvailable } from './postgres'

/** Where the app's database lives: PostgreSQL by URL, or the embedded one by directory. */
export type DatabaseTarget = { engine: 'postgres'; url: string } | { engine: 'pglite'; dir: string }

export function targetFrom(env: { DATABASE_URL?: string; PGLITE_DIR: string }): DatabaseTarget {
  return env.DATABASE_URL ? { engine: 'postgres', url: env.DATABASE_URL } : { engine: 'pglite', dir: env.PGLITE_DIR }
}

/** Backs the database up into `file` (default: backups/skillsu-<engine>-<UTC time>.<ext>) and returns the path. */
export async function backupDatabase(target: DatabaseTarget, file?: string): Promise<string> {
  const out = file ?? defaultBackupPath(target.engine satisfies BackupEngine)
  if (target.engine === 'postgres') await backupPostgres(target.url, out)
  else await backupPglite(target.dir, out)
  return out
}

export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<void> {
  if (target.engine === 'postgres') await restorePostgres(target.url, file)
  else await restorePglite(target.dir, file)
}
