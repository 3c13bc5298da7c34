import { NextResponse, type NextRequest } from 'next/server'

// An early redirect for visitors with no session cookie at all. It is a convenience, not the
// check: every page and action under these paths authorizes again in the data layer.
const sessionCookies = ['next-auth.session-token', '__Secure-next-auth.session-token']

export function proxy(request: NextRequest) {
  if (sessionCookies.some((name) => request.cookies.has(name))) return NextResponse.next()
  const login = new URL('/login', request.url)
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
  return NextResponse.redirect(login)
}

export const config = { matcher: ['/dashboard/:path*', '/admin/:path*'] }
