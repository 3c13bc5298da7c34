import http from 'node:http'
import { expect, test } from './test'

/** Oversized bodies and malformed Authorization headers: refused cleanly, never a 5xx. */

const sevenMb = 7 * 1024 * 1024

interface RawAnswer {
  status: number | null
  error?: string
}

/** A raw request, so the test controls framing (chunked, no Content-Length) and header bytes. */
function rawRequest(baseURL: string, options: { method: string; path: string; headers: Record<string, string>; chunkedBytes?: number }): Promise<RawAnswer> {
  const url = new URL(options.path, baseURL)
  return new Promise((resolve) => {
    let settled = false
    const done = (answer: RawAnswer) => {
      if (!settled) {
        settled = true
        resolve(answer)
      }
    }
    const req = http.request({ host: url.hostname, port: url.port, method: options.method, path: url.pathname + url.search, headers: options.headers }, (res) => {
      res.resume()
      done({ status: res.statusCode ?? null })
    })
    // The server may answer and close before the whole body is sent: the answer is what counts.
    req.on('error', (error) => setTimeout(() => done({ status: null, error: error.message }), 200))
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')))
    if (options.chunkedBytes) {
      const chunk = Buffer.alloc(64 * 1024, 'a')
      let sent = 0
      const pump = () => {
        while (sent < options.chunkedBytes!) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
        req.end()
      }
      pump()
    } else {
      req.end()
    }
  })
}

test.describe('attack: request bodies over the limit', () => {
  test('a 7 MB body with Content-Length gets a 413 on action pages and API routes', async ({ request }) => {
    const body = Buffer.alloc(sevenMb, 'a')
    const targets: [string, Record<string, string>][] = [
      ['/signup', { 'Content-Type': 'multipart/form-data; boundary=x', 'Next-Action': 'a'.repeat(42) }],
      ['/trainers/apply', { 'Content-Type': 'multipart/form-data; boundary=x', 'Next-Action': 'a'.repeat(42) }],
      ['/admin/partners/new', { 'Content-Type': 'multipart/form-data; boundary=x', 'Next-Action': 'a'.repeat(42) }],
      ['/api/auth/callback/credentials', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['/api/me/saved-role', { 'Content-Type': 'application/json' }],
      ['/api/health', { 'Content-Type': 'application/json' }],
    ]
    for (const [path, headers] of targets) {
      const response = await request.post(path, { data: body, headers, maxRedirects: 0 })
      expect(response.status(), `POST 7 MB to ${path}`).toBe(413)
    }
  })

  test('a 7 MB chunked body (no Content-Length) is refused with a 411 (Length Required) before anything reads it', async ({ baseURL, extraHTTPHeaders }) => {
    const targets: [string, Record<string, string>][] = [
      ['/signup', { 'Content-Type': 'multipart/form-data; boundary=x', 'Next-Action': 'a'.repeat(42) }],
      ['/api/auth/callback/credentials', { 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['/api/me/saved-role', { 'Content-Type': 'application/json' }],
    ]
    for (const [path, headers] of targets) {
      const answer = await rawRequest(baseURL!, {
        method: 'POST',
        path,
        headers: { ...extraHTTPHeaders, ...headers, 'Transfer-Encoding': 'chunked', Origin: new URL(baseURL!).origin },
        chunkedBytes: sevenMb,
      })
      expect(answer.status, `chunked POST to ${path}: ${answer.error ?? ''}`).toBe(411)
    }
    // The server is still up and answering.
    const health = await rawRequest(baseURL!, { method: 'GET', path: '/api/health', headers: {} })
    expect(health.status).toBe(200)
  })
})

test.describe('attack: malformed Authorization headers', () => {
  const values = ['Bearer', 'Bearer ', 'Basic !!!', 'Basic', `Bearer ${'x'.repeat(10 * 1024)}`, 'Bearer \u00e9\u00e8\u00ff\u00a0', 'Digest username="a\u00ff"', 'Bearer eyJhbGciOiJub25lIn0.e30.', ',,,,']
  const paths = ['/api/health', '/api/auth/session', '/api/auth/csrf', '/api/admin/applications/export', '/api/admin/inquiries/export', '/api/admin/newsletter/export', '/api/me/export', '/api/skills?q=no']

  test('never crash an API route (no 5xx), never grant access', async ({ baseURL, extraHTTPHeaders }) => {
    for (const path of paths) {
      for (const value of values) {
        // latin1: the raw bytes go on the wire as they are (non-ASCII included).
        const answer = await rawRequest(baseURL!, { method: 'GET', path, headers: { ...extraHTTPHeaders, Authorization: Buffer.from(value, 'latin1').toString('latin1') } })
        expect(answer.status, `${path} with Authorization "${value.slice(0, 20)}": ${answer.error ?? ''}`).not.toBeNull()
        expect(answer.status!, `${path} with Authorization "${value.slice(0, 20)}"`).toBeLessThan(500)
        if (path.startsWith('/api/admin') || path.startsWith('/api/me')) expect([401, 403, 404, 307, 302, 303]).toContain(answer.status)
      }
    }
  })
})
