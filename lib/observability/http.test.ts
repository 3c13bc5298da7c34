import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { instrumentRequests, routeLabeler } from './http'
import { createMetrics, type Metrics } from './metrics'
import { currentRequestId, setRequestUser } from './request-context'

// A routes manifest shaped like the build's (Next's own regexes).
const manifest = {
  staticRoutes: [
    { page: '/login', regex: '^/login(?:/)?$' },
    { page: '/api/health', regex: '^/api/health(?:/)?$' },
  ],
  dynamicRoutes: [
    { page: '/roles/[slug]', regex: '^/roles/([^/]+?)(?:/)?$' },
    { page: '/reset-password/[token]', regex: '^/reset\\-password/([^/]+?)(?:/)?$' },
  ],
}

describe('routeLabeler', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routes-'))
  const file = path.join(dir, 'routes-manifest.json')
  fs.writeFileSync(file, JSON.stringify(manifest))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('maps paths to the build route patterns, never to the raw path', () => {
    const label = routeLabeler(file)
    expect(label('/login')).toBe('/login')
    expect(label('/login/')).toBe('/login')
    expect(label('/roles/data-analyst')).toBe('/roles/[slug]')
    expect(label('/reset-password/abc123secret')).toBe('/reset-password/[token]')
    expect(label('/_next/static/chunks/x.js')).toBe('/_next/static')
    expect(label('/wp-login.php')).toBe('(unmatched)')
  })

  it('falls back to the first segment without a manifest (development)', () => {
    const label = routeLabeler(path.join(dir, 'missing.json'))
    expect(label('/')).toBe('/')
    expect(label('/roles')).toBe('/roles')
    expect(label('/roles/data-analyst/edit')).toBe('/roles/[…]')
  })
})

describe('instrumentRequests: metrics and access logs reflect a known sequence of requests', () => {
  let server: http.Server
  let base: string
  let metrics: Metrics
  const lines: Record<string, unknown>[] = []
  const seenIds: (string | undefined)[] = []

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routes-'))
    fs.writeFileSync(path.join(dir, 'routes-manifest.json'), JSON.stringify(manifest))
    metrics = createMetrics()
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>)
        done()
      },
    })
    const log = pino({ level: 'info' }, sink)
    // A stand-in for Next: answers by path, reads the request id from the async context like the data layer does.
    const app = (req: http.IncomingMessage, res: http.ServerResponse) => {
      seenIds.push(currentRequestId())
      const url = req.url ?? '/'
      setTimeout(() => {
        if (url.startsWith('/roles/missing')) res.writeHead(404).end('not found')
        else if (url.startsWith('/roles/')) res.writeHead(200).end('role')
        else if (url === '/login' && req.method === 'POST') {
          setRequestUser('user-42')
          res.writeHead(303, { Location: '/dashboard' }).end()
        } else if (url.startsWith('/boom')) res.writeHead(500).end('boom')
        else res.writeHead(200).end('ok')
      }, 15)
    }
    server = http.createServer(instrumentRequests(app, { routeOf: routeLabeler(path.join(dir, 'routes-manifest.json')), metrics, logger: log }))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('counts each request once by route and status, times it, and logs one line without the query or path', async () => {
    const responses = [
      await fetch(`${base}/roles/data-analyst`),
      await fetch(`${base}/roles/web-developer?utm=x`),
      await fetch(`${base}/roles/missing`),
      await fetch(`${base}/login`, { method: 'POST', redirect: 'manual' }),
      await fetch(`${base}/reset-password/tok-SECRET-123?token=SECRET-456`),
      await fetch(`${base}/boom`),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 200, 404, 303, 200, 500])
    await new Promise((r) => setTimeout(r, 20))

    const counts = await metrics.httpRequests.get()
    const count = (method: string, route: string, status: string) =>
      counts.values.find((v) => v.labels.method === method && v.labels.route === route && v.labels.status === status)?.value ?? 0
    expect(count('GET', '/roles/[slug]', '200')).toBe(2)
    expect(count('GET', '/roles/[slug]', '404')).toBe(1)
    expect(count('POST', '/login', '303')).toBe(1)
    expect(count('GET', '/reset-password/[token]', '200')).toBe(1)
    expect(count('GET', '(unmatched)', '500')).toBe(1)
    expect(counts.values.reduce((n, v) => n + v.value, 0)).toBe(6)

    const text = await metrics.registry.getSingleMetricAsString('skillsu_http_request_duration_seconds')
    expect(text).toContain('skillsu_http_request_duration_seconds_count{method="GET",route="/roles/[slug]"} 3')
    // Every request took at least the handler's 15 ms (timers may fire a little early: the 10 ms bucket is the check).
    expect(text).toContain('skillsu_http_request_duration_seconds_bucket{le="0.01",method="GET",route="/roles/[slug]"} 0')

    const access = lines.filter((l) => l.msg === 'request')
    expect(access).toHaveLength(6)
    expect(access.map((l) => l.status)).toEqual([200, 200, 404, 303, 200, 500])
    expect(access[3]).toMatchObject({ method: 'POST', route: '/login', userId: 'user-42' })
    expect(access[5]).toMatchObject({ level: 50 })
    for (const l of access) expect(l.durationMs).toBeGreaterThanOrEqual(10)
    const all = JSON.stringify(lines)
    expect(all).not.toContain('SECRET')
    expect(all).not.toContain('utm=')
  })

  it('keeps a safe incoming X-Request-Id, replaces an unsafe one, and hands it to the code below', async () => {
    seenIds.length = 0
    const kept = await fetch(`${base}/api/health`, { headers: { 'X-Request-Id': 'lb-0123456789abcdef' } })
    expect(kept.headers.get('x-request-id')).toBe('lb-0123456789abcdef')
    const replaced = await fetch(`${base}/api/health`, { headers: { 'X-Request-Id': 'bad id"\\with junk' } })
    const fresh = replaced.headers.get('x-request-id')!
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/)
    const none = await fetch(`${base}/api/health`)
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(none.headers.get('x-request-id')).not.toBe(fresh)
    expect(seenIds).toEqual(['lb-0123456789abcdef', fresh, none.headers.get('x-request-id')])
    const logged = lines.filter((l) => l.route === '/api/health').map((l) => l.requestId)
    expect(logged).toEqual(seenIds)
  })
})
