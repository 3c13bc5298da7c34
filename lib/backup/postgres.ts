import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { assertBackupFor, BackupError, partialPath } from './format'

/**
 * libpq's view of a postgres.js URL: the password goes in PGPASSWORD (not on a command line that
 * `ps` shows) and postgres.js's `ssl=` becomes libpq's `sslmode=`.
 */
export function libpqConnection(databaseUrl: string): { url: string; env: Record<string, string> } {
  const url = new URL(databaseUrl)
  const password = decodeURIComponent(url.password)
  url.password = ''
  const ssl = url.searchParams.get('ssl')
  if (ssl !== null) {
    url.searchParams.delete('ssl')
    if (!url.searchParams.has('sslmode')) url.searchParams.set('sslmode', ssl === 'true' ? 'require' : ssl)
  }
  return { url: url.toString(), env: password ? { PGPASSWORD: password } : {} }
}

function run(tool: 'pg_dump' | 'pg_restore', args: string[], extraEnv: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${tool} was not found on PATH: install postgresql-client (e.g. \`apt-get install postgresql-client\`), ` +
                'at the same major version as the server or newer.',
            )
          : error,
      )
    })
    child.on('close', (code) => {
      if (code === 0) resolve(stdout)
      else reject(new BackupError(`${tool} failed (exit ${code}):\n${stderr.trim()}`))
    })
  })
}

/** True when pg_dump and pg_restore can be run (tests skip without them). */
export async function postgresToolsAvailable() {
  try {
    await run('pg_dump', ['--version'], {})
    await run('pg_restore', ['--version'], {})
    return true
  } catch {
    return false
  }
}

/** `pg_dump -Fc` of the whole database into `file`. */
export async function backupPostgres(databaseUrl: string, file: string) {
  const { url, env } = libpqConnection(databaseUrl)
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const partial = partialPath(file)
  try {
    await run('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${url}`], env)
    fs.renameSync(partial, file)
  } finally {
    fs.rmSync(partial, { force: true })
  }
}

/**
 * Replaces the database's objects with the archive's, in one transaction: a failure part way
 * leaves the database as it was. Objects the archive does not hold (a table from a later
 * migration) stay, so restore a backup with the version of the app that made it.
 */
export async function restorePostgres(databaseUrl: string, file: string) {
  assertBackupFor('postgres', file)
  // Reading the table of contents first refuses a truncated archive before anything is dropped.
  await run('pg_restore', ['--list', file], {})
  const { url, env } = libpqConnection(databaseUrl)
  await run(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${url}`, file],
    env,
  )
}
