import { NextResponse, type NextRequest } from 'next/server'
import { env } from '@/lib/env'
import { createNonce, isPersonalPath, personalContentSecurityPolicy, strictTransportSecurity } from '@/lib/security/csp'

// An early redirect for visitors with no session cookie at all. It is a convenience, not the
// check: every page and action under these paths authorizes again in the data layer.
const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token']
const signedInPaths = /^\/(dashboard|admin)(\/|$)/

/** What the proxy needs from the environment (a parameter so tests can vary it). */
export interface ProxySettings {
  siteUrl: string
  dev: boolean
}

const settings: ProxySettings = { siteUrl: env.SITE_URL, dev: env.NODE_ENV === 'development' }

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

export function proxy(request: NextRequest) {
  return handleRequest(request, settings)
}

export function handleRequest(request: NextRequest, { siteUrl, dev }: ProxySettings) {
  const site = new URL(siteUrl)
  const https = site.protocol === 'https:'
  const withTransportSecurity = (response: NextResponse) => {
    if (https) response.headers.set('Strict-Transport-Security', strictTransportSecurity)
    return response
  }
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > maxBodyBytes) {
    return new NextResponse('Payload Too Large: the request body is larger than this site accepts.\n', {
      status: 413,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' },
    })
  }
  if (isForeignActionPost(request, site.host)) {
    return new NextResponse('Forbidden: this form was sent from another site.\n', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  const { pathname } = request.nextUrl
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
  if (!isPersonalPath(pathname)) {
    const cleaned = request.headers.has('content-security-policy') || request.headers.has('x-nonce')
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
