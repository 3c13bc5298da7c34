import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('npm start with MIGRATE_ON_START=0', () => {
  it('refuses to start on a database behind its migrations, saying how many are pending', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillsu-behind-'))
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, MIGRATE_ON_START: '0', PGLITE_DIR: path.join(dir, 'pglite'), PORT: '3299' }
      delete env.DATABASE_URL
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], { env, encoding: 'utf8', timeout: 90_000 })
      expect(run.stderr).toMatch(/The database is behind: run npm run db:migrate \(\d+ pending\)/)
      expect(run.status).toBe(1)
      expect(run.stdout).not.toContain('ready on')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
