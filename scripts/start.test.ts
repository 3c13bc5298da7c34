import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('npm start', () => {
  it.each([
    [{ PORT: 'eighty' }, 'PORT: '],
    [{ DATABASE_URL: 'mysql://db.example/app' }, 'DATABASE_URL: must be a postgres:// or postgresql:// URL'],
  ])('stops at once with a message naming a bad variable (%j)', (bad, message) => {
    const started = Date.now()
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
      env: { ...process.env, ...bad },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Invalid environment')
    expect(run.stderr).toContain(message)
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})
