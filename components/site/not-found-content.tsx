import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'

// One element for every 404 boundary (root and site layout): the page's payload, which carries
// each boundary, sends it once.
const content = (
  <Container className="py-24 text-center">
    <p className="text-sm font-semibold text-brand-700">404</p>
    <h1 className="mt-2 text-3xl font-bold text-ink-950">We couldn&apos;t find that page</h1>
    <p className="mx-auto mt-4 max-w-lg text-ink-700">It may have moved, or it was never published. Browse the career roles or search for one.</p>
    <div className="mt-8 flex justify-center gap-3">
      <Link href="/roles" className={buttonVariants()}>
        Browse roles
      </Link>
      <Link href="/" className={buttonVariants({ variant: 'outline' })}>
        Home
      </Link>
    </div>
  </Container>
)

export function NotFoundContent() {
  return content
}
