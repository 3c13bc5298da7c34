import Link from 'next/link'
import { Container } from '@/components/ui/container'
import { catalogueHref, isFiltered, type CatalogueQuery } from '@/lib/roles/catalogue'
import { findCatalogueSkill, listCatalogueSkills, listCategories, searchCatalogue, suggestRoles } from '@/lib/roles/data'
import { CatalogueFilters } from './catalogue-filters'
import { Pagination } from './pagination'
import { RoleCard } from './role-card'

const salaryOptions = [60_000, 80_000, 100_000, 120_000, 140_000, 160_000]

/** The role catalogue for one URL state: filters, results, pagination and the empty state. */
export async function Catalogue({ query: requested, problems: parseProblems }: { query: CatalogueQuery; problems: string[] }) {
  const [categories, topSkills] = await Promise.all([listCategories(), listCatalogueSkills()])
  const problems = [...parseProblems]
  const query = { ...requested }
  if (query.category && !categories.some((c) => c.slug === query.category)) {
    problems.push('That category does not exist, so it was ignored.')
    query.category = undefined
  }
  // The filter lists the most asked-for skills only; any other skill in use is still a valid filter.
  let skillOptions = topSkills
  if (query.skill && !topSkills.some((s) => s.slug === query.skill)) {
    const other = await findCatalogueSkill(query.skill)
    if (other) skillOptions = [...topSkills, other].sort((a, b) => a.name.localeCompare(b.name))
    else {
      problems.push('No published role asks for that skill, so it was ignored.')
      query.skill = undefined
    }
  }
  const result = await searchCatalogue(query)
  const suggestions = result.total === 0 && query.q ? await suggestRoles(query.q) : []
  const beyondLastPage = result.roles.length === 0 && result.total > 0
  const category = categories.find((c) => c.slug === query.category)
  const skill = skillOptions.find((s) => s.slug === query.skill)

  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-10 sm:py-14">
          <h1 className="text-3xl font-extrabold tracking-tight text-ink-950 sm:text-4xl">
            {category ? `${category.name} roles` : 'Explore career roles'}
          </h1>
          <p className="mt-3 max-w-2xl text-ink-700">
            What each role involves, the skills employers ask for, how fast demand grows and what it pays.
          </p>
          <div className="mt-8">
            <CatalogueFilters
              q={query.q}
              category={query.category}
              skill={query.skill}
              minSalary={query.minSalary}
              sort={query.sort}
              categories={categories}
              skills={skillOptions}
              salaryOptions={salaryOptions}
            />
          </div>
        </Container>
      </section>
      <Container className="pb-16">
        {problems.length > 0 && (
          <div role="status" className="mb-6 rounded-lg border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-ink-900">
            <ul className="list-disc pl-5">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 className="text-lg font-semibold text-ink-900" aria-live="polite" id="results-heading">
            {result.totalCapped ? `${result.total.toLocaleString('en-US')}+ roles` : result.total === 1 ? '1 role' : `${result.total.toLocaleString('en-US')} roles`}
            {query.q ? ` for “${query.q}”` : ''}
            {skill ? ` asking for ${skill.name}` : ''}
          </h2>
          {isFiltered(query) && (
            <Link href="/roles" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
              Clear search and filters
            </Link>
          )}
        </div>

        {beyondLastPage ? (
          <p className="mt-8 text-ink-700">
            There is no page {query.page}.{' '}
            <Link href={catalogueHref({ ...query, page: result.pageCount })} className="font-semibold text-brand-700 underline">
              Go to the last page ({result.pageCount})
            </Link>
          </p>
        ) : result.total === 0 ? (
          <div className="mt-8 rounded-xl border border-dashed border-ink-300 p-8 text-center">
            <p className="text-lg font-semibold text-ink-900">No roles match {query.q ? `“${query.q}”` : 'these filters'}.</p>
            <p className="mt-2 text-ink-700">
              Try fewer or different words, or{' '}
              <Link href="/roles" className="font-semibold text-brand-700 underline">
                clear the search and filters
              </Link>
              .
            </p>
            {suggestions.length > 0 && (
              <div className="mt-8 text-left">
                <h3 className="text-base font-semibold text-ink-900">Closest roles</h3>
                <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
                  {suggestions.map((role) => (
                    <li key={role.slug}>
                      <RoleCard role={role} headingLevel="h4" />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        ) : (
          <ul aria-labelledby="results-heading" className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {result.roles.map((role) => (
              <li key={role.slug}>
                <RoleCard role={role} headingLevel="h3" />
              </li>
            ))}
          </ul>
        )}
        <Pagination page={query.page} pageCount={result.pageCount} href={(page) => catalogueHref({ ...query, page })} />
      </Container>
    </>
  )
}
