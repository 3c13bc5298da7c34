import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { acquireLock, DatabaseLockedError, lockHolder, lockPathFor } from './lock'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'skillsu-lock-'))
const releases: (() => void)[] = []
afterEach(() => releases.splice(0).forEach((r) => r()))

describe('the embedded database lock', () => {
  it('records the pid and releases it', () => {
    const dir = path.join(tmp(), 'pglite')
    const release = acquireLock(dir)
    expect(fs.readFileSync(lockPathFor(dir), 'utf8')).toBe(String(process.pid))
    release()
    expect(fs.existsSync(lockPathFor(dir))).toBe(false)
  })

  it('takes over a stale lock left by a dead process', () => {
    const dir = path.join(tmp(), 'pglite')
    fs.writeFileSync(lockPathFor(dir), '999999999')
    releases.push(acquireLock(dir))
    expect(fs.readFileSync(lockPathFor(dir), 'utf8')).toBe(String(process.pid))
  })

  it('refuses while another live process holds it', () => {
    const dir = path.join(tmp(), 'pglite')
    // The parent of this test process is alive and is not us.
    fs.writeFileSync(lockPathFor(dir), String(process.ppid))
    expect(lockHolder(dir)).toBe(process.ppid)
    expect(() => acquireLock(dir)).toThrow(DatabaseLockedError)
    expect(() => acquireLock(dir)).toThrow(/in use by process \d+/)
  })

  it('makes `npm run db:seed` refuse with a clear message while the server holds the database', () => {
    const dir = path.join(tmp(), 'pglite')
    releases.push(acquireLock(dir))
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db.ts', 'seed'], {
      env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`is in use by process ${process.pid}`)
    expect(fs.existsSync(dir)).toBe(false)
  })
})
