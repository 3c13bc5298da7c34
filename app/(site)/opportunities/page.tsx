import type { Metadata } from 'next'
import Link from 'next/link'
import { OpportunityCard } from '@/components/opportunities/opportunity-card'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { controlClasses } from '@/components/ui/input'
import { listPublishedOpportunities } from '@/lib/opportunities/data'
import { filterOpportunities, filterOptions } from '@/lib/opportunities/filters'
import { cn } from '@/lib/utils'

// Reads the query string, so it renders per request; the list itself comes from the data cache
// (tag `opportunities`, refreshed by every admin write and at the next expiry).
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function parseFilters(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? ''
  const role = one(params.role).toLowerCase()
  const location = one(params.location).toLowerCase().slice(0, 120)
  return { role: /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(role) && role.length <= 80 ? role : '', location }
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const filters = parseFilters(await searchParams)
  return {
    title: 'The latest career opportunities',
    description: 'Current openings from SkillsU partners and employers, by role and location. Create a free profile to receive new opportunities by email.',
    alternates: { canonical: '/opportunities' },
    robots: filters.role || filters.location ? { index: false, follow: true } : undefined,
  }
}

export default async function OpportunitiesPage({ searchParams }: Props) {
  const filters = parseFilters(await searchParams)
  const all = await listPublishedOpportunities()
  const options = filterOptions(all)
  const shown = filterOpportunities(all, { role: filters.role || undefined, location: filters.location || undefined })
  const filtered = !!(filters.role || filters.location)
  const roleTitle = options.roles.find((r) => r.slug === filters.role)?.title
  const locationLabel = options.locations.find((l) => l.value === filters.location)?.label

  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-12 sm:py-16">
          <h1 className="text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">The latest career opportunities</h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-700">
            Openings from our partners and other employers. Create your free profile to receive the latest opportunities for your target roles directly in your inbox.
          </p>
          <Link href="/signup" className={buttonVariants({ className: 'mt-6' })}>
            Create your free profile
          </Link>
        </Container>
      </section>

      <Container className="py-10">
        <form
          action="/opportunities"
          method="get"
          aria-label="Filter opportunities"
          className="grid gap-4 rounded-xl border border-ink-200 bg-white p-4 shadow-sm sm:grid-cols-[1fr_1fr_auto] sm:items-end"
        >
          <div>
            <label htmlFor="opportunities-role" className="block text-sm font-medium text-ink-800">
              Role
            </label>
            <select id="opportunities-role" name="role" defaultValue={filters.role} className={cn(controlClasses, 'mt-1 min-h-11')}>
              <option value="">All roles</option>
              {options.roles.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {r.title} ({r.count})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="opportunities-location" className="block text-sm font-medium text-ink-800">
              Location
            </label>
            <select id="opportunities-location" name="location" defaultValue={filters.location} className={cn(controlClasses, 'mt-1 min-h-11')}>
              <option value="">Anywhere</option>
              {options.locations.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label} ({l.count})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonVariants()}>
            Show opportunities
          </button>
        </form>

        <div className="mt-8 flex flex-wrap items-baseline justify-between gap-3">
          <h2 className="text-2xl font-bold text-ink-950">
            {shown.length === 1 ? '1 opportunity' : `${shown.length} opportunities`}
            {roleTitle ? ` for ${roleTitle}` : ''}
            {locationLabel ? ` · ${locationLabel}` : ''}
          </h2>
          {filtered && (
            <Link href="/opportunities" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
              Clear the filters
            </Link>
          )}
        </div>

        {shown.length === 0 ? (
          <p className="mt-4 max-w-2xl text-ink-700">
            {filtered ? 'No opportunity matches these filters right now. ' : 'There are no open opportunities right now. '}
            New ones are added every week: <Link href="/signup" className="font-semibold text-brand-700 underline underline-offset-4">create your free profile</Link> to get them by email.
          </p>
        ) : (
          <ul aria-label="Opportunities" className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {shown.map((o) => (
              <li key={o.id}>
                <OpportunityCard opportunity={o} headingLevel="h3" />
              </li>
            ))}
          </ul>
        )}
      </Container>
    </>
  )
}
