import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { handleRequest } from '@/proxy'

const req = (path: string) => new NextRequest(new URL(path, 'http://localhost:3000'))
const settings = { siteUrl: 'http://localhost:3000', dev: false }

describe('bench routes in proxy.ts', () => {
  it('answer 404 unless BENCH_ROUTES is on (the static baseline is prerendered, so the page cannot check)', () => {
    for (const path of ['/bench/static', '/bench/dynamic', '/api/bench/stats', '/bench']) {
      expect(handleRequest(req(path), settings).status, path).toBe(404)
      expect(handleRequest(req(path), { ...settings, benchRoutes: false }).status, path).toBe(404)
      expect(handleRequest(req(path), { ...settings, benchRoutes: true }).headers.get('x-middleware-next'), path).toBe('1')
    }
  })

  it('leave look-alike paths alone', () => {
    for (const path of ['/benchmarks', '/roles/bench-press', '/api/benchmark']) {
      expect(handleRequest(req(path), settings).headers.get('x-middleware-next'), path).toBe('1')
    }
  })
})
