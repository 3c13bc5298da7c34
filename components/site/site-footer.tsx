import Link from 'next/link'
import { NewsletterForm } from '@/components/newsletter/newsletter-form'
import { Container } from '@/components/ui/container'
import { cn } from '@/lib/utils'
import { Logo } from './logo'

interface FooterColumn {
  title: string
  links: { href: string; label: string }[]
}

export const footerColumns: FooterColumn[] = [
  {
    title: 'Explore',
    links: [
      { href: '/roles', label: 'Roles' },
      { href: '/programs', label: 'Programs' },
      { href: '/opportunities', label: 'Opportunities' },
    ],
  },
  {
    title: 'For professionals',
    links: [
      { href: '/signup', label: 'Create a free profile' },
      { href: '/trainers/apply', label: 'Trainers, coaches and consultants' },
    ],
  },
  {
    title: 'Company',
    links: [
      { href: '/partnerships', label: 'Partnerships' },
      { href: '/demo', label: 'Book a demo' },
    ],
  },
]

export interface SiteFooterProps {
  /** Copyright year, passed in by the caller (keeps the component pure). */
  year: number
  className?: string
}

export function SiteFooter({ year, className }: SiteFooterProps) {
  return (
    <footer className={cn('on-dark bg-surface-inverse text-ink-300', className)}>
      <Container className="py-12 sm:py-16">
        <section
          id="newsletter"
          aria-labelledby="newsletter-heading"
          className="flex flex-col gap-6 rounded-3xl border border-white/10 bg-white/5 p-6 sm:p-8 lg:flex-row lg:items-center lg:justify-between lg:gap-12"
        >
          <div className="max-w-2xl">
            <h2 id="newsletter-heading" className="text-2xl font-bold tracking-tight text-white">
              Join our community
            </h2>
            <p className="mt-2 text-base leading-7 text-ink-300">
              Get the latest insights, trends and resources on how the world&apos;s best coaches and trainers develop
              potential.
            </p>
          </div>
          <NewsletterForm source="footer" tone="dark" className="lg:max-w-md" />
        </section>

        <div className="mt-12 grid gap-10 lg:grid-cols-12 lg:gap-8">
          <div className="lg:col-span-4">
            <Logo inverted />
            <p className="mt-4 max-w-xs text-sm leading-6 text-ink-300">
              SkillsU helps people discover career roles, build the skills employers ask for and connect with the
              trainers and coaches who help them grow.
            </p>
          </div>
          <nav aria-label="Footer" className="lg:col-span-8">
            <div className="grid grid-cols-1 gap-8 min-[480px]:grid-cols-2 sm:grid-cols-3">
              {footerColumns.map((column) => (
                <div key={column.title} className="footer-col">
                  <h2>{column.title}</h2>
                  <ul>
                    {column.links.map((link) => (
                      <li key={link.href}>
                        <Link href={link.href} className="footer-link">
                          {link.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          </nav>
        </div>

        <div className="mt-12 flex flex-col gap-2 border-t border-white/10 pt-6 text-sm text-ink-400 sm:flex-row sm:items-center sm:justify-between">
          <p>© {year} SkillsU</p>
          <ul className="flex flex-wrap gap-x-6 gap-y-2" aria-label="Legal">
            <li>
              <Link href="/privacy" className="footer-link">
                Privacy policy
              </Link>
            </li>
            <li>
              <Link href="/terms" className="footer-link">
                Terms
              </Link>
            </li>
          </ul>
          <p>Built for learners, trainers and the teams that hire them.</p>
        </div>
      </Container>
    </footer>
  )
}
