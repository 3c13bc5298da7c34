import type { Metadata } from 'next'
import Link from 'next/link'
import { SalaryCompareChart } from '@/components/roles/salary-compare-chart'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { Input, controlClasses } from '@/components/ui/input'
import { compareSkills, maxCompared, parseCompareParam } from '@/lib/roles/compare'
import { compareOptionLimit, getPublishedRole, listCompareOptions, type RolePageDto } from '@/lib/roles/data'
import { normalizeSearchText } from '@/lib/roles/search'
import { formatMoney, formatPercent } from '@/lib/roles/format'
import { cn } from '@/lib/utils'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const metadata: Metadata = {
  title: 'Compare roles',
  description: 'Compare career roles side by side: salaries on one scale, growth, demand, and the skills they share.',
  alternates: { canonical: '/roles/compare' },
  robots: { index: false, follow: true },
}

export default async function ComparePage({ searchParams }: Props) {
  const params = await searchParams
  const parsed = parseCompareParam(params.roles)
  const q = normalizeSearchText(typeof params.q === 'string' ? params.q : '')
  // The pickers offer the roles being compared plus a capped list (the first by title, or those
  // matching `q`), never every published role.
  const [listed, found] = await Promise.all([listCompareOptions(q), Promise.all(parsed.slugs.map((slug) => getPublishedRole(slug)))])
  const roles = found.filter((r): r is RolePageDto => r !== null)
  const options = [...roles.filter((r) => !listed.some((l) => l.slug === r.slug)).map((r) => ({ slug: r.slug, title: r.title })), ...listed]
  const missing = parsed.slugs.filter((_, i) => !found[i])
  const problems = [parsed.problem, missing.length ? `We could not find ${missing.map((m) => `“${m}”`).join(' and ')}.` : undefined].filter(Boolean)
  const comparable = roles.length >= 2
  const skills = comparable ? compareSkills(roles) : undefined

  return (
    <Container className="py-10 sm:py-14">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
        <ol className="flex flex-wrap gap-2">
          <li>
            <Link href="/roles" className="underline-offset-4 hover:underline">Roles</Link> <span aria-hidden="true">/</span>
          </li>
          <li aria-current="page">Compare</li>
        </ol>
      </nav>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
        {comparable ? roles.map((r) => r.title).join(' vs ') : 'Compare roles'}
      </h1>

      {problems.length > 0 && (
        <div role="alert" className="mt-6 rounded-lg border border-warning-200 bg-warning-50 px-4 py-3 text-ink-900">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}

      <form action="/roles/compare" method="get" className="mt-8 rounded-xl border border-ink-200 p-4">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 grow sm:max-w-md">
            <label htmlFor="compare-q" className="block text-sm font-semibold text-ink-900">
              Find roles to compare
            </label>
            <Input id="compare-q" type="search" name="q" defaultValue={q} maxLength={200} aria-describedby="compare-q-hint" className="mt-1" />
          </div>
          <button type="submit" className={buttonVariants({ variant: 'outline' })}>
            Find roles
          </button>
        </div>
        <p id="compare-q-hint" className="mt-2 text-sm text-ink-700">
          {q
            ? listed.length === 0
              ? `No role matches “${q}”.`
              : `The lists below show ${listed.length === compareOptionLimit ? `the best ${compareOptionLimit}` : listed.length === 1 ? 'the one role' : `the ${listed.length} roles`} matching “${q}”.`
            : `The lists below show the first ${compareOptionLimit} roles by title; search to find any other.`}
        </p>
        <fieldset className="mt-4">
          <legend className="text-sm font-semibold text-ink-900">Roles to compare (two or three)</legend>
          <div className="mt-3 grid gap-4 sm:grid-cols-3">
            {Array.from({ length: maxCompared }, (_, i) => (
              <div key={i}>
                <label htmlFor={`compare-${i}`} className="block text-sm text-ink-700">
                  {i === 2 ? 'Role 3 (optional)' : `Role ${i + 1}`}
                </label>
                <select id={`compare-${i}`} name="roles" defaultValue={roles[i]?.slug ?? ''} className={cn(controlClasses, 'mt-1')}>
                  <option value="">{i === 2 ? 'None' : 'Choose a role'}</option>
                  {options.map((r) => (
                    <option key={r.slug} value={r.slug}>
                      {r.title}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className={buttonVariants({ className: 'mt-4' })}>
          Compare
        </button>
      </form>

      {comparable && skills && (
        <div className="mt-12 space-y-12">
          <section aria-labelledby="compare-salary">
            <h2 id="compare-salary" className="text-2xl font-bold text-ink-950">Salary ranges</h2>
            <div className="mt-4">
              <SalaryCompareChart roles={roles.map((r) => ({ title: r.title, slug: r.slug, salary: r.salary }))} />
            </div>
          </section>

          <section aria-labelledby="compare-market">
            <h2 id="compare-market" className="text-2xl font-bold text-ink-950">Growth and demand</h2>
            <div className="mt-4 overflow-x-auto">
              <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
                <caption className="sr-only">Growth, demand and salary of the compared roles</caption>
                <thead>
                  <tr className="border-b border-ink-200">
                    <td />
                    {roles.map((r) => (
                      <th key={r.slug} scope="col" className="p-3 font-semibold text-ink-900">
                        <Link href={`/roles/${r.slug}`} className="text-brand-700 underline-offset-4 hover:underline">
                          {r.title}
                        </Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {compareRows.map((row) => (
                    <tr key={row.label} className="border-b border-ink-100">
                      <th scope="row" className="p-3 font-medium text-ink-700">
                        {row.label}
                      </th>
                      {roles.map((r) => (
                        <td key={r.slug} className="p-3 text-ink-900">
                          {row.value(r)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="compare-skills">
            <h2 id="compare-skills" className="text-2xl font-bold text-ink-950">Skills</h2>
            <h3 className="mt-6 text-lg font-semibold text-ink-900">Shared by {roles.length === 2 ? 'both' : 'all three'}</h3>
            {skills.shared.length === 0 ? (
              <p className="mt-2 text-ink-700">These roles share no listed skills.</p>
            ) : (
              <ul className="mt-3 flex flex-wrap gap-2">
                {skills.shared.map((s) => (
                  <li key={s.slug} className="rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-900">
                    {s.name} <span className="text-ink-700">({s.shares.map((x) => formatPercent(x)).join(' / ')})</span>
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {roles.map((r, i) => (
                <div key={r.slug}>
                  <h3 className="text-lg font-semibold text-ink-900">Only {r.title}</h3>
                  {skills.distinct[i]!.length === 0 ? (
                    <p className="mt-2 text-ink-700">No skills of its own.</p>
                  ) : (
                    <ul className="mt-2 space-y-1 text-ink-800">
                      {skills.distinct[i]!.map((s) => (
                        <li key={s.slug}>
                          {s.name} <span className="text-ink-600">({formatPercent(s.sharePct)} of postings)</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </div>
          </section>
        </div>
      )}
    </Container>
  )
}

const notPublished = 'Not published'
const compareRows: { label: string; value: (r: RolePageDto) => string }[] = [
  { label: 'Category', value: (r) => r.category.name },
  { label: 'Average salary', value: (r) => (r.salary.avg ? formatMoney(r.salary.avg, r.salary.currency) : notPublished) },
  {
    label: 'Salary range',
    value: (r) =>
      r.salary.min && r.salary.max
        ? `${formatMoney(r.salary.min, r.salary.currency)} to ${formatMoney(r.salary.max, r.salary.currency, r.salary.maxOpenEnded)}`
        : notPublished,
  },
  {
    label: 'Projected market growth',
    value: (r) =>
      r.market.growthRatePct === null
        ? notPublished
        : `${formatPercent(r.market.growthRatePct, { signed: true })} (${r.market.growthPeriodStart}–${r.market.growthPeriodEnd})`,
  },
  {
    label: 'Demand change',
    value: (r) => (r.market.demandChangePct === null ? notPublished : `${formatPercent(r.market.demandChangePct, { signed: true })} over the ${r.market.demandChangePeriod}`),
  },
  { label: 'Entry-level roles per senior role', value: (r) => (r.market.entryToSeniorRatio === null ? notPublished : String(r.market.entryToSeniorRatio)) },
  { label: 'Demand hubs', value: (r) => r.market.demandHubs.join(', ') || notPublished },
]
