/**
 * The security headers and the two Content-Security-Policy classes (see SECURITY.md).
 *
 * - Public pages are cached and hold no personal data. Next puts its page data in inline
 *   scripts, which a cached page can allow only with 'unsafe-inline' (a nonce would have to
 *   change on every request, which rules out the cache).
 * - Personal pages (sign-in, sign-up, account recovery, the dashboard, the admin) are rendered
 *   per request, so each response gets a fresh nonce and 'strict-dynamic': only scripts Next
 *   stamped with that nonce, and the scripts they load, run.
 *
 * This module is plain TypeScript with no server-only imports: next.config.ts and proxy.ts both use it.
 */

/** Paths whose pages are personal: dynamic, and served with the nonce policy by proxy.ts. */
export const personalPathPrefixes = ['login', 'signup', 'forgot-password', 'reset-password', 'verify-email', 'dashboard', 'admin'] as const

const personalPathPattern = new RegExp(`^/(${personalPathPrefixes.join('|')})(/|$)`)

export function isPersonalPath(pathname: string): boolean {
  return personalPathPattern.test(pathname)
}

/**
 * Every path but the personal ones, in the path-to-regexp syntax of next.config.ts `headers()`.
 * A lookahead (not a prefix match) so that `/administrator` or `/login-help` stay public.
 */
export const publicPathSource = `/((?!(?:${personalPathPrefixes.join('|')})(?:/|$)).*)`

interface PolicyOptions {
  /** `next dev` only: React uses eval there for its debugging aids; production never gets it. */
  dev?: boolean
  /** Served over HTTPS: ask the browser to upgrade any http:// subresource. */
  https?: boolean
}

function serialize(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

function shared(options: PolicyOptions): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    // Inline style attributes (and the email preview's own styles) need this; a nonce in
    // style-src would disable 'unsafe-inline' and block every style="" attribute.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // blob: the admin's logo field previews the chosen file from a blob: URL, which the browser
    // fetches as a connection; such URLs are made by the page's own scripts and never leave it.
    'connect-src': ["'self'", 'blob:'],
    // The admin's email preview is an <iframe srcdoc sandbox>: srcdoc inherits this policy.
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
  }
}

/** The policy of cached public pages (set by next.config.ts). */
export function publicContentSecurityPolicy(options: PolicyOptions = {}): string {
  const { 'default-src': defaultSrc, ...rest } = shared(options)
  return serialize({
    'default-src': defaultSrc!,
    'script-src': ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    ...rest,
  })
}

/**
 * The policy of personal pages (set per request by proxy.ts). With 'strict-dynamic', browsers
 * ignore 'self' and host sources for scripts; 'self' stays for the rare browser without
 * 'strict-dynamic' support, which then still refuses inline scripts without the nonce.
 */
export function personalContentSecurityPolicy(nonce: string, options: PolicyOptions = {}): string {
  const { 'default-src': defaultSrc, ...rest } = shared(options)
  return serialize({
    'default-src': defaultSrc!,
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    ...rest,
  })
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

/** Headers every response carries, pages and static files alike (next.config.ts). */
export const baseSecurityHeaders: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
]

/** Two years, subdomains included: only ever sent when the site is served over HTTPS. */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains'
