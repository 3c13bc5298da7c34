import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PartnerStrip } from '@/components/partners/partner-strip'
import { RoleCard } from '@/components/roles/role-card'
import { CtaBand } from '@/components/site/cta-band'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { listVisiblePartners } from '@/lib/partners/data'
import { listPublishedRoles, type RoleCardDto } from '@/lib/roles/data'

function byCategory(roles: RoleCardDto[]) {
  const groups = new Map<string, { name: string; roles: RoleCardDto[] }>()
  for (const role of roles) {
    const group = groups.get(role.category.slug) ?? { name: role.category.name, roles: [] }
    group.roles.push(role)
    groups.set(role.category.slug, group)
  }
  return [...groups.entries()]
}

// The home page lives in a root optional catch-all so that, like the role pages, it is rendered on
// its first request and cached from then on: a static `page.tsx` would be prerendered by
// `next build`, which must never open the database. Any other path under it is a 404.
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ home?: string[] }[]> {
  return []
}

export default async function HomePage({ params }: { params: Promise<{ home?: string[] }> }) {
  if ((await params).home?.length) notFound()
  const [roles, partners] = await Promise.all([listPublishedRoles(), listVisiblePartners()])
  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-16 sm:py-24">
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Careers, skills and training</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">
            Know the role. Close the skill gap. Get hired.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-ink-700">
            Explore what each career role involves, the skills employers ask for, and what it pays. Create a free profile to see your skill gap and receive the latest
            opportunities in your inbox.
          </p>
          <form action="/roles" method="get" role="search" className="mt-8 flex max-w-xl flex-col gap-3 sm:flex-row">
            <label htmlFor="home-search" className="sr-only">
              Search roles
            </label>
            <input
              id="home-search"
              name="q"
              type="search"
              placeholder="Search roles or skills, e.g. Python"
              className="h-12 flex-1 rounded-lg border border-ink-400 bg-white px-4 text-base text-ink-900 placeholder:text-ink-500"
            />
            <button type="submit" className={buttonVariants({ size: 'lg' })}>
              Search
            </button>
          </form>
          <div className="mt-6 flex flex-wrap gap-3">
            <Link href="/signup" className={buttonVariants({ variant: 'primary' })}>
              Create your free profile
            </Link>
            <Link href="/demo" className={buttonVariants({ variant: 'outline' })}>
              Book a demo
            </Link>
          </div>
        </Container>
      </section>

      <section aria-labelledby="roles-heading">
        <Container className="py-14">
          <div className="flex flex-wrap items-end justify-between gap-4">
            <h2 id="roles-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
              Explore career roles
            </h2>
            <Link href="/roles" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
              All {roles.length} roles
            </Link>
          </div>
          {roles.length === 0 ? (
            <p className="mt-6 text-ink-600">No roles are published yet.</p>
          ) : (
            byCategory(roles).map(([slug, group]) => (
              <section key={slug} aria-labelledby={`cat-${slug}`} className="mt-10">
                <h3 id={`cat-${slug}`} className="text-lg font-semibold text-ink-800">
                  {group.name}
                </h3>
                <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
                  {group.roles.map((role) => (
                    <li key={role.slug}>
                      <RoleCard role={role} headingLevel="h4" />
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </Container>
      </section>

      <PartnerStrip partners={partners} />

      <div className="space-y-0">
        <CtaBand
          title="Trainer, coach or consultant?"
          text="Apply to join our global network of expert trainers, consultants and coaches, and start earning from your expertise."
          actions={[{ href: '/trainers/apply', label: 'Apply to join' }, { href: '/trainers', label: 'Find out more' }]}
          tone="light"
        />
        <CtaBand
          title="Interested in partnerships?"
          text="Tell us about your organisation and our team will be in touch."
          actions={[{ href: '/partnerships', label: 'Partner with us' }, { href: '/demo', label: 'Book a demo' }]}
          tone="brand"
        />
      </div>
    </>
  )
}
