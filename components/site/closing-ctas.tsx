import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'

const blocks = [
  {
    title: 'Ready to get started?',
    text: 'Talk to our team of training and coaching specialists; we are here to help.',
    links: [
      { href: '/demo', label: 'Talk to our team' },
      { href: '/programs', label: 'All of our programs' },
    ],
  },
  {
    title: 'Have questions?',
    text: 'Talk to our team; we are happy to help you get set up.',
    links: [{ href: '/demo', label: 'Book a demo' }],
  },
  {
    title: 'Trainer, coach or consultant?',
    text: 'Apply to join our global network of expert trainers, consultants and coaches, and start earning from your expertise.',
    links: [
      { href: '/trainers/apply', label: 'Apply to join' },
      { href: '/trainers', label: 'Find out more' },
    ],
  },
  {
    title: 'Interested in partnerships?',
    text: 'Complete our contact form with your details and our team will be in touch.',
    links: [{ href: '/partnerships', label: 'Partner with us' }],
  },
] as const

/** The calls to action that close every public content page. */
export function ClosingCtas() {
  return (
    <section aria-labelledby="closing-ctas" className="bg-surface-muted py-14">
      <Container>
        <h2 id="closing-ctas" className="sr-only">
          Work with SkillsU
        </h2>
        <ul className="grid gap-5 sm:grid-cols-2">
          {blocks.map((b) => (
            <li key={b.title} className="flex flex-col rounded-xl border border-ink-200 bg-white p-6 shadow-xs">
              <h3 className="text-lg font-semibold text-ink-950">{b.title}</h3>
              <p className="mt-2 flex-1 text-ink-700">{b.text}</p>
              <div className="mt-5 flex flex-wrap gap-3">
                {b.links.map((l, i) => (
                  <Link key={l.href + l.label} href={l.href} className={buttonVariants({ variant: i === 0 ? 'primary' : 'outline', size: 'sm' })}>
                    {l.label}
                  </Link>
                ))}
              </div>
            </li>
          ))}
          <li className="flex flex-col rounded-xl border border-ink-200 bg-white p-6 shadow-xs sm:col-span-2">
            <h3 className="text-lg font-semibold text-ink-950">Join our community</h3>
            <p className="mt-2 text-ink-700">Get the latest insights, trends and resources on how the world&apos;s best coaches and trainers develop potential.</p>
            <div className="mt-5">
              <Link href="#newsletter" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
                Join the newsletter
              </Link>
            </div>
          </li>
        </ul>
      </Container>
    </section>
  )
}
