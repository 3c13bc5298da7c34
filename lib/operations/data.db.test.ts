import { beforeEach, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them (and requireRole) run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import type { Database } from '@/db'
import { backupRuns, emailOutbox, errorEvents } from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { makeUser } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { signInAs, signOut } from '@/test/session'
import { getOperationsOverview, operationsErrorLimit } from './data'

describeEachEngine('operations overview', ({ handle, engine }) => {
  const d = (): Database => handle().db
  beforeEach(() => signOut())

  it('is for admins only', async () => {
    await expect(getOperationsOverview()).rejects.toBeInstanceOf(UnauthenticatedError)
    for (const role of ['candidate', 'trainer', 'editor'] as const) {
      await signInAs(await makeUser(d(), role))
      await expect(getOperationsOverview()).rejects.toBeInstanceOf(ForbiddenError)
    }
  })

  it('reports the database, migrations, outbox, the last backup and the newest errors', async () => {
    await d().insert(backupRuns).values([
      { engine, file: 'backups/older.tar.gz', bytes: 10, finishedAt: new Date(Date.now() - 86_400_000) },
      { engine, file: 'backups/newest.tar.gz', bytes: 2048 },
    ])
    await d().insert(errorEvents).values(Array.from({ length: operationsErrorLimit + 3 }, (_, i) => ({ message: `error ${i}`, digest: `dg${i}` })))
    await d().insert(emailOutbox).values({ toAddress: 'held@example.com', kind: 'test', subject: 's', textBody: 't', htmlBody: 'h', status: 'held', messageId: `<${Date.now()}@t>` })
    await signInAs(await makeUser(d(), 'admin'))
    const ops = await getOperationsOverview()
    expect(ops.database.engine).toBe(engine)
    expect(ops.database.sizeBytes).toBeGreaterThan(0)
    expect(ops.migrations.applied).toBeGreaterThan(0)
    expect(ops.migrations.applied).toBe(ops.migrations.known)
    expect(ops.migrations.latest).toMatch(/^\d{4}_/)
    expect(ops.outbox.counts.held).toBeGreaterThanOrEqual(1)
    expect(ops.outbox.oldestHeldAt).not.toBeNull()
    expect(ops.lastBackup).toMatchObject({ file: 'backups/newest.tar.gz', bytes: 2048 })
    expect(ops.errors).toHaveLength(operationsErrorLimit)
    expect(ops.errors[0]!.message).toBe(`error ${operationsErrorLimit + 2}`)
    expect(ops.uptimeSeconds).toBeGreaterThanOrEqual(0)
  })
})
