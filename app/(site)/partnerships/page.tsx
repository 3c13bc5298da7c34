import type { Metadata } from 'next'
import { PartnershipForm } from '@/components/inquiries/partnership-form'
import { Container } from '@/components/ui/container'

// Static: nothing here reads the database, cookies or headers. The form's per-visitor values (the
// idempotency key, the time it was shown) are made in the browser.
export const metadata: Metadata = {
  title: 'Partner with SkillsU',
  description: 'Hire from our network, train with us, publish with us or sponsor programs: ask us about a partnership.',
  alternates: { canonical: '/partnerships' },
}

const reasons = [
  { title: 'People with proven skills', text: 'Candidates on SkillsU build profiles around the skills employers ask for, role by role, and show the gaps they are closing.' },
  { title: 'A global trainer network', text: 'Trainers, coaches and consultants we review one by one, ready to teach what your teams and your candidates need.' },
  { title: 'Data on roles and skills', text: 'Reviewed, sourced role pages: what each role involves, the skills in demand, how fast demand grows and what it pays.' },
]

const kinds = [
  { title: 'Hiring partner', text: 'Post opportunities to candidates who prepare for your roles, and meet them early.' },
  { title: 'Training partner', text: 'Bring your courses, bootcamps or coaching to learners who know what they need next.' },
  { title: 'Content partner', text: 'Share data, guides or role insights, credited to you, on the pages people read before they choose.' },
  { title: 'Sponsorship', text: 'Fund scholarships, programs or community events, and reach the people they help.' },
]

export default function PartnershipsPage() {
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-12 sm:py-16">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Partnerships</p>
          <h1 className="mt-2 max-w-3xl text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">Partner with SkillsU</h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-700">
            We work with employers, training providers and organisations who want people to find the right role and learn the skills it takes. Tell us what you have in
            mind; we reply within two working days.
          </p>
        </Container>
      </section>

      <Container className="py-10 sm:py-14">
        <section aria-labelledby="why-heading">
          <h2 id="why-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
            Why partner with us
          </h2>
          <ul className="mt-6 grid gap-5 md:grid-cols-3">
            {reasons.map((r) => (
              <li key={r.title} className="rounded-2xl border border-ink-200 bg-white p-5 shadow-xs sm:p-6">
                <h3 className="text-lg font-semibold text-ink-950">{r.title}</h3>
                <p className="mt-2 leading-7 text-ink-700">{r.text}</p>
              </li>
            ))}
          </ul>
        </section>

        <div className="mt-12 grid gap-10 lg:grid-cols-[1fr_1.2fr] lg:gap-14">
          <section aria-labelledby="kinds-heading">
            <h2 id="kinds-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
              Ways to work together
            </h2>
            <ul className="mt-6 space-y-5">
              {kinds.map((k, i) => (
                <li key={k.title} className="flex gap-4">
                  <span aria-hidden="true" className="flex size-10 shrink-0 items-center justify-center rounded-full bg-brand-100 font-bold text-brand-800">
                    {i + 1}
                  </span>
                  <div>
                    <h3 className="font-semibold text-ink-950">{k.title}</h3>
                    <p className="mt-1 leading-7 text-ink-700">{k.text}</p>
                  </div>
                </li>
              ))}
            </ul>
            <p className="mt-6 leading-7 text-ink-700">Something else in mind? Choose &ldquo;Something else&rdquo; and tell us about it.</p>
          </section>

          <section aria-labelledby="inquiry-heading" className="rounded-2xl border border-ink-200 bg-white p-5 shadow-sm sm:p-8">
            <h2 id="inquiry-heading" className="text-2xl font-bold text-ink-950">
              Tell us about your company
            </h2>
            <p className="mt-2 mb-6 text-ink-700">Fields marked with * are required.</p>
            <PartnershipForm />
          </section>
        </div>
      </Container>
    </>
  )
}
