import { describe, expect, it } from 'vitest'
import { defaultBackupPath } from './format'
import { libpqConnection } from './postgres'

describe('backup file names', () => {
  it('say the engine and the UTC time, and sort by time', () => {
    const at = new Date('2026-01-28T10:15:00.123Z')
    expect(defaultBackupPath('postgres', at)).toBe('backups/skillsu-postgres-20260128T101500Z.dump')
    expect(defaultBackupPath('pglite', at)).toBe('backups/skillsu-pglite-20260128T101500Z.tar.gz')
  })
})

describe('libpq connection for pg_dump and pg_restore', () => {
  it('moves the password out of the URL into PGPASSWORD', () => {
    const { url, env } = libpqConnection('postgres://app:s%40cret@db.internal:6543/skillsu')
    expect(url).toBe('postgres://app@db.internal:6543/skillsu')
    expect(env).toEqual({ PGPASSWORD: 's@cret' })
  })
  it("turns postgres.js's ssl= into libpq's sslmode=", () => {
    expect(libpqConnection('postgres://app@db/skillsu?ssl=true').url).toBe('postgres://app@db/skillsu?sslmode=require')
    expect(libpqConnection('postgres://app@db/skillsu?ssl=verify-full').url).toBe('postgres://app@db/skillsu?sslmode=verify-full')
    expect(libpqConnection('postgres://app@db/skillsu').env).toEqual({})
  })
})
