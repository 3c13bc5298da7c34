import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { siteSettingsDefaults, type CtaKey, type SiteSettings } from '@/lib/site-settings/schema'

// The copy is editable in /admin/settings; where each block leads stays here.
const blocks: { key: Exclude<CtaKey, 'newsletter'>; links: { href: string; label: string }[] }[] = [
  {
    key: 'createProfile',
    links: [
      { href: '/signup', label: 'Create your free profile' },
      { href: '/programs', label: 'All of our programs' },
    ],
  },
  { key: 'bookDemo', links: [{ href: '/demo', label: 'Book a demo' }] },
  {
    key: 'trainersApply',
    links: [
      { href: '/trainers/apply', label: 'Apply to join' },
      { href: '/trainers', label: 'Find out more' },
    ],
  },
  { key: 'partnerships', links: [{ href: '/partnerships', label: 'Partner with us' }] },
]

/**
 * The calls to action that close every public content page. The newsletter card points to the
 * footer's sign-up; a page that shows its own sign-up form (the home page) leaves it out.
 */
export function ClosingCtas({ ctas = siteSettingsDefaults.ctas, showNewsletter = true }: { ctas?: SiteSettings['ctas']; showNewsletter?: boolean }) {
  return (
    <section aria-labelledby="closing-ctas" className="bg-surface-muted py-14">
      <Container>
        <h2 id="closing-ctas" className="sr-only">
          Work with SkillsU
        </h2>
        {/* .cta-card (globals.css) styles each block's heading, text and links: named once, not per block. */}
        <ul className="grid gap-5 sm:grid-cols-2">
          {blocks.map((b) => (
            <li key={b.key} className="card cta-card">
              <h3>{ctas[b.key].title}</h3>
              <p>{ctas[b.key].text}</p>
              <div>
                {b.links.map((l, i) => (
                  <Link key={i} href={l.href} className={buttonVariants({ variant: i === 0 ? 'primary' : 'outline', size: 'sm' })}>
                    {l.label}
                  </Link>
                ))}
              </div>
            </li>
          ))}
          {showNewsletter && (
          <li className="card cta-card sm:col-span-2">
            <h3>{ctas.newsletter.title}</h3>
            <p>{ctas.newsletter.text}</p>
            <div>
              <Link href="#newsletter" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
                Join the newsletter
              </Link>
            </div>
          </li>
          )}
        </ul>
      </Container>
    </section>
  )
}
