import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { count, desc } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

const webhook = vi.hoisted(() => ({ url: undefined as string | undefined }))
vi.mock('@/lib/env', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/env')>()
  return {
    ...real,
    get env() {
      return { ...real.env, ERROR_WEBHOOK_URL: webhook.url }
    },
  }
})

import { sql } from 'drizzle-orm'
import type { Database } from '@/db'
import { errorEvents } from '@/db/schema'
import { describeEachEngine } from '@/test/db'
import { errorEventsKept, reportServerError, storeErrorEvent } from './errors'
import { metrics } from './metrics'
import { runWithRequestContext } from './request-context'

describeEachEngine('server error reports', ({ handle }) => {
  const d = (): Database => handle().db
  const received: Record<string, unknown>[] = []
  let hook: http.Server

  beforeAll(async () => {
    hook = http.createServer((req, res) => {
      let body = ''
      req.on('data', (c: Buffer) => (body += c.toString()))
      req.on('end', () => {
        received.push(JSON.parse(body) as Record<string, unknown>)
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    webhook.url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
  })
  afterAll(async () => {
    webhook.url = undefined
    await new Promise<void>((resolve) => hook.close(() => resolve()))
  })

  it('stores the error once per digest with its request id and route, counts it and posts it to the webhook', async () => {
    const digest = `digest-${Math.random().toString(36).slice(2)}`
    const before = (await metrics().serverErrors.get()).values.find((v) => v.labels.route === '/roles/[slug]')?.value ?? 0
    await runWithRequestContext({ requestId: 'req-0123456789' }, async () => {
      await reportServerError({ error: new Error('database went away'), digest, route: '/roles/[slug]' }, d())
      // Next may report the same failure twice: stored and counted once.
      await reportServerError({ error: new Error('database went away'), digest, route: '/roles/[slug]' }, d())
    })
    const rows = await d().select().from(errorEvents).where(sql`${errorEvents.digest} = ${digest}`)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ requestId: 'req-0123456789', route: '/roles/[slug]', message: 'Error: database went away' })
    const after = (await metrics().serverErrors.get()).values.find((v) => v.labels.route === '/roles/[slug]')?.value ?? 0
    expect(after - before).toBe(1)
    await vi.waitFor(() => expect(received.find((r) => r.digest === digest)).toMatchObject({ requestId: 'req-0123456789', route: '/roles/[slug]' }))
  })

  it('does not wait for a webhook that never answers', async () => {
    const silent = http.createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    webhook.url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`
    try {
      const started = Date.now()
      await reportServerError({ error: new Error('slow hook'), digest: `d-${Date.now()}` }, d())
      expect(Date.now() - started).toBeLessThan(1_000)
    } finally {
      silent.closeAllConnections()
      silent.close()
      webhook.url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`
    }
  })

  it(`keeps only the newest ${errorEventsKept} events`, async () => {
    await d().execute(sql`insert into error_events (message) select 'old ' || g from generate_series(1, ${errorEventsKept + 5}::integer) g`)
    await storeErrorEvent({ digest: 'newest', requestId: null, route: null, message: 'the newest' }, d())
    const [{ n }] = (await d().select({ n: count() }).from(errorEvents)) as [{ n: number }]
    expect(Number(n)).toBe(errorEventsKept)
    const [latest] = await d().select({ message: errorEvents.message }).from(errorEvents).orderBy(desc(errorEvents.id)).limit(1)
    expect(latest!.message).toBe('the newest')
  })
})
