import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { acceptRequestId, requestIdHeader } from '@/lib/observability/request-id'
import { createNonce, isPersonalPath, personalContentSecurityPolicy, strictTransportSecurity } from '@/lib/security/csp'

// An early redirect for visitors with no session cookie at all. It is a convenience, not the
// check: every page and action under these paths authorizes again in the data layer.
const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token']
const signedInPaths = /^\/(dashboard|admin)(\/|$)/

/** What the proxy needs from the environment (a parameter so tests can vary it). */
export interface ProxySettings {
  siteUrl: string
  dev: boolean
  /** BENCH_ROUTES: the benchmark's baseline pages and stats exist only then. */
  benchRoutes?: boolean
}

const settings: ProxySettings = { siteUrl: env.SITE_URL, dev: env.NODE_ENV === 'development', benchRoutes: env.BENCH_ROUTES }

// The static baseline page is prerendered by the build, so its 404 without BENCH_ROUTES is given here, at run time.
const benchPaths = /^\/(api\/)?bench(\/|$)/

/**
 * The largest body any endpoint takes: a server action with a 5 MB CV (next.config.ts sets the
 * action limit to 6 MB) plus the multipart framing. A larger declared body is refused with a real
 * 413 before anything reads it, for non-browser clients; browsers check sizes before sending.
 */
export const maxBodyBytes = 6 * 1024 * 1024 + 64 * 1024

/**
 * A POST to a page is a server action. Browsers send Origin with it; one that is neither this
 * host nor the site's public host is a cross-site request (CSRF) and is refused here with a 403.
 * Next would refuse it too, but with a 500. Route handlers under /api/ check their own requests
 * (next-auth has its CSRF token).
 */
function isForeignActionPost(request: NextRequest, siteHost: string) {
  if (request.method !== 'POST' || request.nextUrl.pathname.startsWith('/api/')) return false
  const origin = request.headers.get('origin')
  if (origin === null) return false // not a browser request: nothing a cross-site page could forge
  let originHost: string
  try {
    originHost = new URL(origin).host.toLowerCase()
  } catch {
    return true // 'null' (sandboxed or privacy-stripped) or malformed
  }
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? '').split(',')[0]!.trim().toLowerCase()
  return originHost !== host && originHost !== siteHost.toLowerCase()
}

/**
 * next-auth answers a callbackUrl that is not an http(s) address, in its query or in its cookie
 * (`javascript:...`, `%2F%2Fhost`), with a 500. Such a value is dropped before next-auth sees it,
 * and the cookie is cleared; the redirect callback in lib/auth/options.ts keeps the rest on this site.
 */
const callbackUrlCookies = ['next-auth.callback-url', '__Secure-next-auth.callback-url']
const isHttpUrl = (value: string, base: string) => {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? base : undefined).protocol)
  } catch {
    return false
  }
}

function withoutBadCallbackUrl(request: NextRequest): NextResponse | null {
  const base = request.nextUrl.origin
  const query = request.nextUrl.searchParams.get('callbackUrl')
  const badQuery = query !== null && !isHttpUrl(query, base)
  const badCookies = callbackUrlCookies.filter((name) => {
    const value = request.cookies.get(name)?.value
    return value !== undefined && !isHttpUrl(value, base)
  })
  if (!badQuery && badCookies.length === 0) return null
  const headers = new Headers(request.headers)
  const cookie = (request.headers.get('cookie') ?? '').split(';').filter((part) => !badCookies.includes(part.split('=')[0]!.trim()))
  headers.set('cookie', cookie.join(';'))
  const url = request.nextUrl.clone()
  url.searchParams.delete('callbackUrl')
  const response = badQuery ? NextResponse.rewrite(url, { request: { headers } }) : NextResponse.next({ request: { headers } })
  for (const name of badCookies) response.cookies.delete(name)
  return response
}

export function proxy(request: NextRequest) {
  return handleRequest(request, settings)
}

export function handleRequest(request: NextRequest, { siteUrl, dev, benchRoutes = false }: ProxySettings) {
  const site = new URL(siteUrl)
  const https = site.protocol === 'https:'
  // The server (scripts/start.ts) has set a safe X-Request-Id already; without it, one is made here.
  const requestId = acceptRequestId(request.headers.get(requestIdHeader))
  const requestIdMissing = request.headers.get(requestIdHeader) !== requestId
  const withTransportSecurity = (response: NextResponse) => {
    if (https) response.headers.set('Strict-Transport-Security', strictTransportSecurity)
    response.headers.set('X-Request-Id', requestId)
    return response
  }
  const length = Number(request.headers.get('content-length') ?? 0)
  // A chunked body has no length to check first, and route handlers would read all of it: no
  // browser sends one (forms, actions and fetch all declare their length), so it is refused.
  if (request.headers.has('transfer-encoding') && !request.headers.has('content-length')) {
    return new NextResponse('Length Required: send the request body with a Content-Length.\n', {
      status: 411,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', 'X-Request-Id': requestId },
    })
  }
  if (length > maxBodyBytes) {
    return new NextResponse('Payload Too Large: the request body is larger than this site accepts.\n', {
      status: 413,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', 'X-Request-Id': requestId },
    })
  }
  if (isForeignActionPost(request, site.host)) {
    return new NextResponse('Forbidden: this form was sent from another site.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Request-Id': requestId },
    })
  }
  const { pathname } = request.nextUrl
  if (pathname.startsWith('/api/auth/')) {
    const cleaned = withoutBadCallbackUrl(request)
    if (cleaned) return withTransportSecurity(cleaned)
  }
  if (!benchRoutes && benchPaths.test(pathname)) {
    return new NextResponse('Not Found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Request-Id': requestId } })
  }
  if (signedInPaths.test(pathname) && !sessionCookies.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url)
    login.searchParams.set('callbackUrl', pathname + request.nextUrl.search)
    return withTransportSecurity(NextResponse.redirect(login))
  }

  // Next takes the nonce it stamps on its scripts from the request's Content-Security-Policy
  // header, so whatever the client sent under that name (or as x-nonce) is dropped first.
  const requestHeaders = new Headers(request.headers)
  requestHeaders.delete('content-security-policy')
  requestHeaders.delete('x-nonce')
  requestHeaders.set(requestIdHeader, requestId)
  if (!isPersonalPath(pathname)) {
    const cleaned = request.headers.has('content-security-policy') || request.headers.has('x-nonce') || requestIdMissing
    return withTransportSecurity(cleaned ? NextResponse.next({ request: { headers: requestHeaders } }) : NextResponse.next())
  }

  // Personal pages: rendered per request, each with a fresh nonce.
  const nonce = createNonce()
  const policy = personalContentSecurityPolicy(nonce, { dev, https })
  requestHeaders.set('x-nonce', nonce)
  requestHeaders.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', policy)
  return withTransportSecurity(response)
}

// Every request but static files: pages, server actions (POSTs to page paths) and route handlers.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.png|apple-icon\\.png).*)'] }
