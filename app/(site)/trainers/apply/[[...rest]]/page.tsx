import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ApplyForm } from '@/components/trainers/apply/apply-form'
import { Container } from '@/components/ui/container'
import { listRoleOptions } from '@/lib/applications/data'

export const metadata: Metadata = {
  title: 'Apply to join the trainer network',
  description: 'Apply to teach, coach or consult with SkillsU: five short steps, then follow your application from your dashboard.',
  alternates: { canonical: '/trainers/apply' },
}

// Like the home page, an optional catch-all: rendered on its first request (it lists the published
// roles from the cached query, tag `roles`) and cached from then on, never prerendered by
// `next build` (which must not open the database). Nothing personal is rendered here: the form
// asks for the session and restores its draft in the browser. Any deeper path is a 404.
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ rest?: string[] }[]> {
  return []
}

export default async function ApplyPage({ params }: { params: Promise<{ rest?: string[] }> }) {
  if ((await params).rest?.length) notFound()
  const roles = await listRoleOptions()
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="max-w-4xl pt-12 pb-6 sm:pt-16">
          <p className="text-sm font-semibold">
            <Link href="/trainers" className="text-brand-700 underline-offset-4 hover:underline">
              Teach with SkillsU
            </Link>
          </p>
          <h1 className="mt-2 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">Apply to join the trainer network</h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-700">Five short steps. We keep your answers in this browser as you go, so nothing is lost if you reload or sign in on the way.</p>
        </Container>
      </section>
      <Container className="max-w-4xl pb-16">
        <ApplyForm roles={roles} />
      </Container>
    </>
  )
}
