import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env'

describe('parseEnv', () => {
  it('applies defaults to an empty environment (embedded database)', () => {
    const env = parseEnv({})
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.PGLITE_DIR).toBe('.data/pglite')
    expect(env.PORT).toBe(3000)
    expect(env.SITE_URL).toBe('http://localhost:3000')
  })

  it('accepts a PostgreSQL URL and numeric strings', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', PORT: '8080', DB_POOL_MAX: '4' })
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test')
    expect(env.PORT).toBe(8080)
    expect(env.DB_POOL_MAX).toBe(4)
  })

  it('treats an empty string as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  it.each([
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ NEXTAUTH_SECRET: 'too-short' }, 'NEXTAUTH_SECRET'],
    [{ SITE_URL: 'ftp://example.com' }, 'SITE_URL'],
    [{ NODE_ENV: 'production' }, 'NEXTAUTH_SECRET'],
  ])('rejects %j naming %s', (source, name) => {
    expect(() => parseEnv(source)).toThrow(EnvError)
    expect(() => parseEnv(source)).toThrow(new RegExp(`${name}: `))
  })

  it('does not demand runtime secrets while next build runs', () => {
    expect(parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' }).NEXTAUTH_SECRET).toBeUndefined()
  })
})
