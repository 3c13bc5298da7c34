import { spawn, spawnSync } from 'node:child_process'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { emailOutbox } from '@/db/schema'
import { env } from '@/lib/env'
import { createTestDatabase } from '@/test/db'

// As package.json runs it: the react-server condition lets the worker load the data layer's `server-only` modules.
const workerArgs = ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts']

describe('npm run worker', () => {
  it('refuses to start without DATABASE_URL (the embedded database allows one process)', () => {
    const run = spawnSync(process.execPath, workerArgs, { env: { ...process.env, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('npm run worker needs DATABASE_URL (PostgreSQL)')
  })

  it('names a bad variable and stops', () => {
    const run = spawnSync(process.execPath, workerArgs, { env: { ...process.env, SMTP_URL: 'http://mail.example' }, encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('SMTP_URL: must be an smtp:// or smtps:// URL')
  })

  it.skipIf(!env.DATABASE_URL)('runs the sender on PostgreSQL, holds mail without SMTP_URL, and stops cleanly on SIGTERM', async () => {
    const database = await createTestDatabase('postgres')
    try {
      const [row] = await database.db
        .insert(emailOutbox)
        .values({ toAddress: 'worker@example.com', kind: 'test', subject: 'Worker', textBody: 'hi', htmlBody: '<p>hi</p>', messageId: '<worker-test@example.com>' })
        .returning({ id: emailOutbox.id })
      const url = new URL(env.DATABASE_URL!)
      url.pathname = new URL(database.location).pathname
      const child = spawn(process.execPath, workerArgs, { env: { ...process.env, DATABASE_URL: url.toString(), SMTP_URL: '', OUTBOX_POLL_MS: '250' } })
      let output = ''
      child.stdout.on('data', (c: Buffer) => (output += c.toString()))
      child.stderr.on('data', (c: Buffer) => (output += c.toString()))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

      await expect.poll(async () => (await database.db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, row!.id)))[0]?.status, { timeout: 30_000 }).toBe('held')
      expect(output).toContain('Outbox sender started without SMTP_URL')
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(output).toContain('SIGTERM: finishing the message in flight')
    } finally {
      await database.drop()
    }
  })
})
