import Link from 'next/link'
import { BoundaryPage } from '@/components/site/boundary-page'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'

export const metadata = { title: 'Not allowed' }

export default function Forbidden() {
  return (
    <BoundaryPage>
      <Container className="py-24 text-center">
        <p className="text-sm font-semibold text-brand-700">403</p>
        <h1 className="mt-2 text-3xl font-bold text-ink-950">This area is for the SkillsU team</h1>
        <p className="mx-auto mt-4 max-w-lg text-ink-700">Your account does not have access to this page. If you think it should, ask an administrator.</p>
        <div className="mt-8 flex justify-center gap-3">
          <Link href="/dashboard" className={buttonVariants()}>Your dashboard</Link>
          <Link href="/" className={buttonVariants({ variant: 'outline' })}>Home</Link>
        </div>
      </Container>
    </BoundaryPage>
  )
}
