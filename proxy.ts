import { NextResponse, type NextRequest } from 'next/server'

// An early redirect for visitors with no session cookie at all. It is a convenience, not the
// check: every page and action under these paths authorizes again in the data layer.
const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token']
const personalPaths = /^\/(dashboard|admin)(\/|$)/

/**
 * The largest body any endpoint takes: a server action with a 5 MB CV (next.config.ts sets the
 * action limit to 6 MB) plus the multipart framing. A larger declared body is refused with a real
 * 413 before anything reads it, for non-browser clients; browsers check sizes before sending.
 */
export const maxBodyBytes = 6 * 1024 * 1024 + 64 * 1024

export function proxy(request: NextRequest) {
  const length = Number(request.headers.get('content-length') ?? 0)
  if (length > maxBodyBytes) {
    return new NextResponse('Payload Too Large: the request body is larger than this site accepts.\n', {
      status: 413,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' },
    })
  }
  if (!personalPaths.test(request.nextUrl.pathname)) return NextResponse.next()
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next()
  const login = new URL('/login', request.url)
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(login)
}

// Every request but static files: pages, server actions (POSTs to page paths) and route handlers.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.png|apple-icon\\.png).*)'] }
