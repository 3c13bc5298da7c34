import { env } from '@/lib/env'
import { newsletterLimits, unsubscribe } from '@/lib/newsletter/data'
import { unsubscribeSchema } from '@/lib/newsletter/schema'
import { consume } from '@/lib/rate-limit'
import { clientIp } from '@/lib/request'

const maxBodyBytes = 1024

const reply = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })

/** The body RFC 8058 requires: `List-Unsubscribe=One-Click`, form-encoded or multipart. */
async function isOneClick(request: Request): Promise<boolean> {
  try {
    const type = request.headers.get('content-type') ?? ''
    if (type.startsWith('multipart/form-data')) return (await request.formData()).get('List-Unsubscribe') === 'One-Click'
    return new URLSearchParams(await request.text()).get('List-Unsubscribe') === 'One-Click'
  } catch {
    return false
  }
}

/**
 * RFC 8058 one-click unsubscribe, the target of the List-Unsubscribe-Post header: mail clients
 * POST here without cookies or a CSRF token; the signed id in the query string is the authorization.
 * 200 when unsubscribed (also when already), 400 for a bad link or body, 429 when throttled.
 */
export async function POST(request: Request) {
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return reply(413, 'Request body too large.')
  const limit = await consume(newsletterLimits.unsubscribeIp, await clientIp())
  if (!limit.ok) return reply(429, 'Too many requests. Try again later.', { 'Retry-After': String(limit.retryAfterSeconds) })
  const url = new URL(request.url)
  const parsed = unsubscribeSchema.safeParse({ id: url.searchParams.get('id'), token: url.searchParams.get('token') })
  if (!parsed.success) return reply(400, 'This unsubscribe link is not valid.')
  if (!(await isOneClick(request))) return reply(400, 'Expected the body List-Unsubscribe=One-Click.')
  const result = await unsubscribe(parsed.data, await clientIp())
  return result === 'unsubscribed' ? reply(200, 'You are unsubscribed.') : reply(400, 'This unsubscribe link is not valid.')
}

/**
 * A client without one-click support opens the header's address in a browser: show the page with
 * its button (a GET never unsubscribes, so link scanners change nothing).
 */
export function GET(request: Request) {
  const from = new URL(request.url).searchParams
  const page = new URL('/newsletter/unsubscribe', env.SITE_URL)
  for (const key of ['id', 'token']) page.searchParams.set(key, from.get(key) ?? '')
  return new Response(null, { status: 303, headers: { Location: page.toString(), 'Cache-Control': 'no-store' } })
}
