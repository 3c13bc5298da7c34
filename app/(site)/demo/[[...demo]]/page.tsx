import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DemoForm } from '@/components/inquiries/demo-form'
import { Container } from '@/components/ui/container'
import { listDemoInterestOptions } from '@/lib/inquiries/data'
import { timeZoneList } from '@/lib/inquiries/schema'

// Like the home page, this lives in an optional catch-all so that it is rendered on its first
// request and cached from then on (`next build` must never open the database); the roles and
// programs come from the cached public reads and refresh with their tags. Other paths are 404s.
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ demo?: string[] }[]> {
  return []
}

export const metadata: Metadata = {
  title: 'Book a demo',
  description: 'See how SkillsU helps your team find the right roles, close skill gaps and learn from expert trainers. Pick a few dates and we will set up a demo.',
  alternates: { canonical: '/demo' },
}

const agenda = [
  'Role pages and skill gaps for the roles your team hires or grows into',
  'Programs and trainers matched to the skills you need',
  'How partners post opportunities and follow candidates',
  'Your questions, with someone who knows the product',
]

export default async function DemoPage({ params }: { params: Promise<{ demo?: string[] }> }) {
  if ((await params).demo?.length) notFound()
  const options = await listDemoInterestOptions()
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-12 sm:py-16">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Book a demo</p>
          <h1 className="mt-2 max-w-3xl text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">See SkillsU with your team in mind</h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-700">A 30-minute video call, shaped around the roles and programs you choose. Pick up to three dates; we reply within two working days to confirm a time.</p>
        </Container>
      </section>
      <Container className="grid gap-10 py-10 sm:py-14 lg:grid-cols-[1fr_1.6fr] lg:gap-14">
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
            What we will cover
          </h2>
          <ul className="mt-6 space-y-4">
            {agenda.map((item) => (
              <li key={item} className="flex gap-3 leading-7 text-ink-700">
                <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="mt-1 size-5 shrink-0 text-brand-600">
                  <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
                </svg>
                {item}
              </li>
            ))}
          </ul>
          <p className="mt-6 leading-7 text-ink-700">No preparation needed. Bring whoever is involved in hiring, learning or team development.</p>
        </section>
        <section aria-labelledby="book-heading" className="rounded-2xl border border-ink-200 bg-white p-5 shadow-sm sm:p-8">
          <h2 id="book-heading" className="text-2xl font-bold text-ink-950">
            Request your demo
          </h2>
          <p className="mt-2 mb-6 text-ink-700">Fields marked with * are required.</p>
          <DemoForm roles={options.roles} programs={options.programs} timeZones={timeZoneList()} />
        </section>
      </Container>
    </>
  )
}
