import { alertsLimits, unsubscribeFromAlerts } from '@/lib/alerts/data'
import { alertsUnsubscribeSchema } from '@/lib/alerts/schema'
import { env } from '@/lib/env'
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
 * RFC 8058 one-click unsubscribe from opportunity alerts, the List-Unsubscribe-Post target of
 * every digest: mail clients POST here without cookies; the signed user id in the query string is
 * the authorization. Sets the alert frequency to off. 200 when done (also when already off),
 * 400 for a bad link or body, 413 for an oversized body, 429 when throttled.
 */
export async function POST(request: Request) {
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return reply(413, 'Request body too large.')
  const ip = await clientIp()
  const limit = await consume(alertsLimits.unsubscribeIp, ip)
  if (!limit.ok) return reply(429, 'Too many requests. Try again later.', { 'Retry-After': String(limit.retryAfterSeconds) })
  const url = new URL(request.url)
  const parsed = alertsUnsubscribeSchema.safeParse({ u: url.searchParams.get('u'), token: url.searchParams.get('token') })
  if (!parsed.success) return reply(400, 'This unsubscribe link is not valid.')
  if (!(await isOneClick(request))) return reply(400, 'Expected the body List-Unsubscribe=One-Click.')
  const result = await unsubscribeFromAlerts(parsed.data, ip)
  return result === 'unsubscribed' ? reply(200, 'Opportunity alerts are off.') : reply(400, 'This unsubscribe link is not valid.')
}

/**
 * A client without one-click support opens the header's address in a browser: show the page with
 * its button (a GET never unsubscribes, so link scanners change nothing).
 */
export function GET(request: Request) {
  const from = new URL(request.url).searchParams
  const page = new URL('/alerts/unsubscribe', env.SITE_URL)
  for (const key of ['u', 'token']) page.searchParams.set(key, from.get(key) ?? '')
  return new Response(null, { status: 303, headers: { Location: page.toString(), 'Cache-Control': 'no-store' } })
}
