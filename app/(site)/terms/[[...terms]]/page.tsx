import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { LegalText } from '@/components/legal/legal-text'
import { Container } from '@/components/ui/container'
import { getSiteSettings } from '@/lib/site-settings/data'

// An optional catch-all, like the home page: rendered on its first request and cached (`next build`
// never opens the database); the text comes from the site settings and refreshes with their tag.
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ terms?: string[] }[]> {
  return []
}

export const metadata: Metadata = {
  title: 'Terms of use',
  description: 'The terms that apply when you use SkillsU.',
  alternates: { canonical: '/terms' },
}

export default async function TermsPage({ params }: { params: Promise<{ terms?: string[] }> }) {
  if ((await params).terms?.length) notFound()
  const settings = await getSiteSettings()
  return (
    <Container className="py-12 sm:py-16">
      <h1 className="text-4xl font-extrabold tracking-tight text-ink-950">Terms of use</h1>
      <div className="mt-6">
        <LegalText text={settings.terms} />
      </div>
    </Container>
  )
}
