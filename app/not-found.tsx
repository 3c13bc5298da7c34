import { SiteFooter } from '@/components/site/site-footer'
import { SiteHeader } from '@/components/site/site-header'
import { NotFoundContent } from '@/components/site/not-found-content'

export const metadata = { title: 'Page not found' }

/** For paths outside the site layout: brings its own header, main and footer. */
export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        <NotFoundContent />
      </main>
      <SiteFooter year={new Date().getFullYear()} />
    </div>
  )
}
