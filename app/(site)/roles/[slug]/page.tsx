import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { getPublishedRole } from '@/lib/roles/data'
import { formatDate, formatMoney, formatPercent } from '@/lib/roles/format'

// Rendered on the first request for each slug, then served from the cache until its tags change.
export const dynamicParams = true
export async function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const role = await getPublishedRole((await params).slug)
  if (!role) return {}
  return { title: role.title, description: role.summary, alternates: { canonical: `/roles/${role.slug}` } }
}

export default async function RolePage({ params }: Props) {
  const role = await getPublishedRole((await params).slug)
  if (!role) notFound()
  const { market, salary } = role
  return (
    <article>
      <header className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-12 sm:py-16">
          <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
            <ol className="flex flex-wrap gap-2">
              <li>
                <Link href="/" className="underline-offset-4 hover:underline">Home</Link> <span aria-hidden="true">/</span>
              </li>
              <li>
                <Link href="/roles" className="underline-offset-4 hover:underline">Roles</Link> <span aria-hidden="true">/</span>
              </li>
              <li aria-current="page">{role.title}</li>
            </ol>
          </nav>
          <Badge variant="brand" className="mt-6">{role.category.name}</Badge>
          <h1 className="mt-3 text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">{role.title}</h1>
          <p className="mt-4 max-w-3xl text-lg text-ink-700">{role.summary}</p>
        </Container>
      </header>
      <Container className="max-w-4xl space-y-12 py-12">
        <section aria-labelledby="overview">
          <h2 id="overview" className="text-2xl font-bold text-ink-950">Role overview</h2>
          <p className="mt-4 leading-7 text-ink-800">{role.overview}</p>
        </section>
        <section aria-labelledby="responsibilities">
          <h2 id="responsibilities" className="text-2xl font-bold text-ink-950">Roles and responsibilities</h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {role.responsibilities.map((r) => (
              <li key={r.title} className="rounded-lg border border-ink-200 p-4">
                <h3 className="font-semibold text-ink-900">{r.title}</h3>
                <p className="mt-1 text-sm text-ink-700">{r.description}</p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="qualifications">
          <h2 id="qualifications" className="text-2xl font-bold text-ink-950">Typical required skills and qualifications</h2>
          <ul className="mt-4 list-disc space-y-2 pl-6 text-ink-800">
            {role.qualifications.map((q) => <li key={q}>{q}</li>)}
          </ul>
        </section>
        <section aria-labelledby="trends">
          <h2 id="trends" className="text-2xl font-bold text-ink-950">Emerging trends</h2>
          <ul className="mt-4 list-disc space-y-2 pl-6 text-ink-800">
            {role.trends.map((t) => <li key={t.text}>{t.text}</li>)}
          </ul>
        </section>
        <section aria-labelledby="skills">
          <h2 id="skills" className="text-2xl font-bold text-ink-950">In-demand skills</h2>
          <ul className="mt-4 space-y-2 text-ink-800">
            {role.skills.map((s) => (
              <li key={s.slug}>
                {s.name}: {formatPercent(s.sharePct)} of job postings{s.isEmerging ? ' (emerging)' : ''}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="expansion">
          <h2 id="expansion" className="text-2xl font-bold text-ink-950">Industry expansion</h2>
          <ul className="mt-4 list-disc space-y-2 pl-6 text-ink-800">
            {market.growthRatePct !== null && (
              <li>
                Projected growth of {formatPercent(market.growthRatePct)} from {market.growthPeriodStart} to {market.growthPeriodEnd}
                {market.growthDriver ? `, ${market.growthDriver}` : ''}.
              </li>
            )}
            {market.entryToSeniorRatio !== null && (
              <li>About {market.entryToSeniorRatio} entry-level roles for every senior role.</li>
            )}
          </ul>
        </section>
        <section aria-labelledby="demand">
          <h2 id="demand" className="text-2xl font-bold text-ink-950">Demand overview</h2>
          {market.demandChangePct !== null && (
            <p className="mt-4 text-ink-800">
              Demand changed by {formatPercent(market.demandChangePct, { signed: true })} over the {market.demandChangePeriod}
              {market.demandHubs.length ? `, concentrated in ${market.demandHubs.join(', ')}` : ''}.
            </p>
          )}
        </section>
        <section aria-labelledby="salary">
          <h2 id="salary" className="text-2xl font-bold text-ink-950">Salary insights</h2>
          {salary.avg !== null && (
            <p className="mt-4 text-ink-800">
              Average {formatMoney(salary.avg, salary.currency)} a year in the {salary.region}
              {salary.min !== null && salary.max !== null
                ? `, from ${formatMoney(salary.min, salary.currency)} to ${formatMoney(salary.max, salary.currency, salary.maxOpenEnded)}`
                : ''}
              .
            </p>
          )}
          <ul className="mt-2 list-disc space-y-1 pl-6 text-ink-800">
            {salary.locationPremiums.map((p) => (
              <li key={p.location}>{p.location}: {formatPercent(p.premiumPct, { signed: true })} above the national average</li>
            ))}
          </ul>
          {role.lastReviewedAt && (
            <p className="mt-4 text-sm text-ink-600">
              Figures last reviewed {formatDate(role.lastReviewedAt)}; sources: {role.sources.map((s) => s.label).join('; ')}.
            </p>
          )}
        </section>
        <section aria-labelledby="interested" className="rounded-xl bg-brand-700 p-8 text-white">
          <h2 id="interested" className="text-2xl font-bold">Interested in this role?</h2>
          <p className="mt-2 text-brand-100">Create your free profile and receive the latest career opportunities directly in your inbox.</p>
          <Link href={`/signup?role=${role.slug}`} className={buttonVariants({ variant: 'secondary', className: 'mt-5' })}>
            Create your free profile
          </Link>
        </section>
      </Container>
    </article>
  )
}
