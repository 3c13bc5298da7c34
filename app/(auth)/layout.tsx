import { connection } from 'next/server'
import { SiteFooter } from '@/components/site/site-footer'
import { SiteHeader } from '@/components/site/site-header'

/**
 * Sign-in, sign-up and account recovery: personal pages, rendered per request. `connection()`
 * makes that explicit for pages that read no cookie: each response carries its own CSP nonce
 * (proxy.ts), which a prerendered page could not.
 */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection()
  return (
    <div className="flex min-h-dvh flex-col bg-surface-muted">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter year={new Date().getFullYear()} />
    </div>
  )
}
