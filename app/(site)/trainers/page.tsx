import type { Metadata } from 'next'
import Link from 'next/link'
import { CtaBand } from '@/components/site/cta-band'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'

export const metadata: Metadata = {
  title: 'Teach with SkillsU: join our trainer network',
  description: 'Trainers, coaches and consultants: share what you know with people moving into in-demand roles. See who we look for, what you get and how the application works.',
  alternates: { canonical: '/trainers' },
}

const profiles = [
  {
    title: 'Trainers',
    text: 'You run courses, bootcamps or workshops and can turn a skill employers ask for into a clear, hands-on program.',
    icon: 'M4 5h16v10H4zM8 19h8M12 15v4',
  },
  {
    title: 'Coaches',
    text: 'You guide people one to one or in small groups through a career change, a first role in tech, or the next step up.',
    icon: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM3 20c0-3 2.5-5 5-5s5 2 5 5M11 20c0-3 2.5-5 5-5s5 2 5 5',
  },
  {
    title: 'Consultants',
    text: 'You help teams adopt new skills and practices at work: assessments, learning plans and hands-on support.',
    icon: 'M4 20V10l8-6 8 6v10M9 20v-6h6v6',
  },
] as const

const benefits = [
  { title: 'Learners who want your skill', text: 'Role pages show employers’ most-asked-for skills and point learners to trainers who teach them, including you.' },
  { title: 'A public trainer card', text: 'Your name, headline and skills on the role pages that match what you teach, once you are accepted.' },
  { title: 'Programs built with you', text: 'We help you shape courses, coaching and workshops around the skills employers ask for, with demand and salary data.' },
  { title: 'You decide when', text: 'Remote or on site, a few hours a month or more: you tell us how much time you can give.' },
] as const

const process = [
  { title: 'Submitted', text: 'You send the application: about ten minutes, with your CV as a PDF if you have one. You follow every step from your dashboard.' },
  { title: 'Screening', text: 'A reviewer reads your answers and checks that your expertise matches what our learners need. Usually within two weeks.' },
  { title: 'Interview', text: 'If it is a match, we invite you to a short video call about how you teach and what you would like to offer.' },
  { title: 'Decision', text: 'We let you know by email and on your dashboard. Accepted trainers get their trainer card; if it is not a match yet, you can apply again after 90 days.' },
] as const

export default function TrainersPage() {
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-16 sm:py-24">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Join our network</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">Teach the skills employers ask for</h1>
          <p className="mt-5 max-w-2xl text-lg text-ink-700">
            SkillsU connects people moving into new roles with trainers, coaches and consultants who have done the work. If you can help someone learn a skill that gets them hired, we would like to hear from you.
          </p>
          <div className="mt-8 flex flex-col gap-3 min-[480px]:flex-row">
            <Link href="/trainers/apply" className={buttonVariants({ size: 'lg' })}>
              Apply to join
            </Link>
            <a href="#process-heading" className={buttonVariants({ variant: 'outline', size: 'lg' })}>
              How it works
            </a>
          </div>
        </Container>
      </section>

      <section aria-labelledby="who-heading">
        <Container className="py-14">
          <h2 id="who-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
            Who we look for
          </h2>
          <p className="mt-3 max-w-2xl text-ink-700">Practitioners with real experience in their field and a knack for helping others learn it. Formal teaching credentials are welcome, not required.</p>
          <ul className="mt-8 grid gap-6 md:grid-cols-3">
            {profiles.map((p) => (
              <li key={p.title} className="rounded-2xl border border-ink-200 bg-white p-6 shadow-xs">
                <span className="grid size-11 place-items-center rounded-xl bg-brand-50 text-brand-700" aria-hidden="true">
                  <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" className="size-6">
                    <path d={p.icon} />
                  </svg>
                </span>
                <h3 className="mt-4 text-lg font-semibold text-ink-950">{p.title}</h3>
                <p className="mt-2 text-ink-700">{p.text}</p>
              </li>
            ))}
          </ul>
        </Container>
      </section>

      <section aria-labelledby="benefits-heading" className="bg-white">
        <Container className="py-14">
          <h2 id="benefits-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
            What you get
          </h2>
          <ul className="mt-8 grid gap-x-10 gap-y-6 sm:grid-cols-2">
            {benefits.map((b) => (
              <li key={b.title} className="flex gap-4">
                <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="mt-1 size-5 shrink-0 text-brand-600">
                  <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
                </svg>
                <div>
                  <h3 className="font-semibold text-ink-950">{b.title}</h3>
                  <p className="mt-1 text-ink-700">{b.text}</p>
                </div>
              </li>
            ))}
          </ul>
        </Container>
      </section>

      <section aria-labelledby="process-heading" className="bg-surface-muted">
        <Container className="py-14">
          <h2 id="process-heading" tabIndex={-1} className="scroll-mt-24 text-2xl font-bold text-ink-950 focus:outline-none sm:text-3xl">
            How the process works
          </h2>
          <p className="mt-3 max-w-2xl text-ink-700">Four steps, and you see each of them with its date on your dashboard. You can withdraw your application at any time while it is open.</p>
          <ol className="mt-8 grid gap-6 md:grid-cols-4">
            {process.map((s, i) => (
              <li key={s.title} className="relative rounded-2xl border border-ink-200 bg-white p-6 shadow-xs">
                <span className="grid size-9 place-items-center rounded-full bg-brand-700 text-sm font-bold text-white" aria-hidden="true">
                  {i + 1}
                </span>
                <h3 className="mt-4 text-lg font-semibold text-ink-950">
                  <span className="sr-only">Step {i + 1}: </span>
                  {s.title}
                </h3>
                <p className="mt-2 text-ink-700">{s.text}</p>
              </li>
            ))}
          </ol>
        </Container>
      </section>

      <CtaBand
        title="Ready to share what you know?"
        text="About you, your expertise and experience, your motivation: five short steps. Your answers are kept in this browser until you send them."
        actions={[{ href: '/trainers/apply', label: 'Apply to join' }]}
      />
    </>
  )
}
