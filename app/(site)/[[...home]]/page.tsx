import Link from 'next/link'
import { notFound } from 'next/navigation'
import { NewsletterForm } from '@/components/newsletter/newsletter-form'
import { PartnerStrip } from '@/components/partners/partner-strip'
import { RoleCard } from '@/components/roles/role-card'
import { JsonLd } from '@/components/seo/json-ld'
import { ClosingCtas } from '@/components/site/closing-ctas'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { listVisiblePartners } from '@/lib/partners/data'
import { env } from '@/lib/env'
import { listCategories, listFeaturedRoles, type RoleCardDto } from '@/lib/roles/data'
import { organizationJsonLd } from '@/lib/roles/structured-data'
import { getSiteSettings } from '@/lib/site-settings/data'

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

const offers = [
  {
    title: 'Know every role',
    text: 'What the role involves, the skills employers ask for, how fast demand grows and what it pays, reviewed and sourced.',
    href: '/roles',
    link: 'Browse roles',
  },
  {
    title: 'See your skill gap',
    text: 'Create a free profile, pick your target roles and see which skills you have and which to learn next.',
    href: '/signup',
    link: 'Create your free profile',
  },
  {
    title: 'Learn from experts',
    text: 'Programs, coaching and training from a global network of trainers, coaches and consultants.',
    href: '/trainers',
    link: 'Meet our trainers',
  },
] as const

export default async function HomePage({ params }: { params: Promise<{ home?: string[] }> }) {
  if ((await params).home?.length) notFound()
  const [roles, categories, partners, settings] = await Promise.all([listFeaturedRoles(3), listCategories(), listVisiblePartners(), getSiteSettings()])
  const total = categories.reduce((n, c) => n + c.roleCount, 0)
  return (
    <>
      <JsonLd data={organizationJsonLd(env.SITE_URL, settings.socialLinks.map((l) => l.url))} />
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-16 sm:py-24">
          {settings.hero.eyebrow && <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{settings.hero.eyebrow}</p>}
          <h1 className="mt-3 max-w-3xl text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">{settings.hero.heading}</h1>
          <p className="mt-5 max-w-2xl text-lg whitespace-pre-line text-ink-700">{settings.hero.text}</p>
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
              All {total} roles
            </Link>
          </div>
          {roles.length === 0 ? (
            <p className="mt-6 text-ink-600">No roles are published yet.</p>
          ) : (
            byCategory(roles).map(([slug, group]) => (
              <section key={slug} aria-labelledby={`cat-${slug}`} className="mt-10">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 id={`cat-${slug}`} className="text-lg font-semibold text-ink-800">
                    {group.name}
                  </h3>
                  {(categories.find((c) => c.slug === slug)?.roleCount ?? 0) > group.roles.length && (
                    <Link href={`/roles?category=${slug}`} className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
                      All {categories.find((c) => c.slug === slug)?.roleCount} {group.name} roles
                    </Link>
                  )}
                </div>
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

      <section aria-labelledby="offer-heading" className="bg-white">
        <Container className="py-14">
          <h2 id="offer-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
            What SkillsU offers
          </h2>
          <ul className="mt-8 grid gap-6 md:grid-cols-3">
            {offers.map((o) => (
              <li key={o.title} className="rounded-xl border border-ink-200 p-6">
                <h3 className="text-lg font-semibold text-ink-950">{o.title}</h3>
                <p className="mt-2 text-ink-700">{o.text}</p>
                <Link href={o.href} className="mt-4 inline-block font-semibold text-brand-700 underline-offset-4 hover:underline">
                  {o.link}
                </Link>
              </li>
            ))}
          </ul>
        </Container>
      </section>
      {/* Not a named region: the footer's sign-up is the "Join our community" landmark on every page. */}
      <section className="bg-brand-50">
        <Container className="grid gap-8 py-14 lg:grid-cols-2 lg:items-center lg:gap-12">
          <div>
            <h2 id="home-newsletter-heading" className="text-2xl font-bold text-ink-950 sm:text-3xl">
              {settings.ctas.newsletter.title}
            </h2>
            <p className="mt-3 max-w-xl text-lg text-ink-700">{settings.ctas.newsletter.text}</p>
          </div>
          <NewsletterForm source="home" className="rounded-2xl border border-brand-100 bg-white p-6 shadow-xs sm:p-8" />
        </Container>
      </section>
      <ClosingCtas ctas={settings.ctas} showNewsletter={false} />
    </>
  )
}
