import type { Metadata } from 'next'
import Link from 'next/link'
import { draftMode } from 'next/headers'
import { notFound, permanentRedirect } from 'next/navigation'
import { PartnerStrip } from '@/components/partners/partner-strip'
import { RoleCard } from '@/components/roles/role-card'
import { SaveRoleButton } from '@/components/roles/save-role-button'
import { LatestOpportunities } from '@/components/opportunities/latest-opportunities'
import { ProgramsForSkills } from '@/components/programs/programs-for-skills'
import { SalaryChart } from '@/components/roles/salary-chart'
import { SkillsChart } from '@/components/roles/skills-chart'
import { JsonLd } from '@/components/seo/json-ld'
import { ClosingCtas } from '@/components/site/closing-ctas'
import { TrainersForSkills } from '@/components/trainers/trainers-for-skills'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { env } from '@/lib/env'
import { listVisiblePartners } from '@/lib/partners/data'
import { getRolePreview } from '@/lib/roles/admin-data'
import { findRenamedRole, getPublishedRole, getRelatedRoles, type RolePageDto } from '@/lib/roles/data'
import { PreviewBanner } from '@/components/roles/preview-banner'
import { formatDate, formatMoney, formatPercent } from '@/lib/roles/format'
import { breadcrumbJsonLd, occupationJsonLd } from '@/lib/roles/structured-data'
import { getSiteSettings } from '@/lib/site-settings/data'

// Rendered on the first request for each slug, then served from the cache until its tags change.
// No Suspense boundary sits above this page, so an unknown slug is a real 404.
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

type Props = { params: Promise<{ slug: string }> }

/**
 * The published role, or in draft mode (editors only, see /api/preview) the working copy. Reading
 * draftMode() keeps the page cached for everyone else: Next renders per request only with its cookie.
 */
async function loadRole(slug: string): Promise<{ role: RolePageDto | null; preview: boolean }> {
  if ((await draftMode()).isEnabled) {
    const preview = await getRolePreview(slug)
    if (preview) return { role: preview, preview: true }
  }
  return { role: await getPublishedRole(slug), preview: false }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { role } = await loadRole((await params).slug)
  if (!role) return { title: 'Role not found' }
  const salary = role.salary.avg ? `, average salary ${formatMoney(role.salary.avg, role.salary.currency)}` : ''
  return {
    title: `${role.title}: skills, salary and demand`,
    // "Builds APIs, average salary $110,000." (the summary's own full stop goes before the salary).
    description: `${role.summary.trim().replace(/\.+$/, '')}${salary}.`.slice(0, 300),
    alternates: { canonical: `/roles/${role.slug}` },
    openGraph: { type: 'article', title: role.title, description: role.summary, url: `/roles/${role.slug}` },
    // Only the card type: X reads the title, description and image from the Open Graph tags, so
    // the page does not carry a second copy of each (in its HTML and again in its payload).
    twitter: { card: 'summary_large_image' },
  }
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="scroll-mt-24">
      <h2 id={id} className="h-section">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  )
}

export default async function RolePage({ params }: Props) {
  const { slug } = await params
  const { role, preview } = await loadRole(slug)
  if (!role) {
    // A renamed role keeps its old address working.
    const current = await findRenamedRole(slug)
    if (current) permanentRedirect(`/roles/${current}`)
    notFound()
  }
  const [related, partners, settings] = await Promise.all([getRelatedRoles(role.slug, 3), listVisiblePartners(), getSiteSettings()])
  const { market, salary } = role

  return (
    <>
      {preview && <PreviewBanner />}
      <JsonLd data={occupationJsonLd(role, env.SITE_URL)} />
      <JsonLd
        data={breadcrumbJsonLd(
          [
            { name: 'Home', path: '/' },
            { name: 'Roles', path: '/roles' },
            { name: role.title, path: `/roles/${role.slug}` },
          ],
          env.SITE_URL,
        )}
      />
      <article>
        <header className="bg-gradient-to-b from-brand-50 to-white">
          <Container className="py-10 sm:py-14">
            <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
              <ol className="flex flex-wrap gap-2">
                <li>
                  <Link href="/" className="underline-offset-4 hover:underline">Home</Link> <span aria-hidden="true">/</span>
                </li>
                <li>
                  <Link href="/roles" className="underline-offset-4 hover:underline">Roles</Link> <span aria-hidden="true">/</span>
                </li>
                <li>
                  <Link href={`/roles?category=${role.category.slug}`} className="underline-offset-4 hover:underline">{role.category.name}</Link>{' '}
                  <span aria-hidden="true">/</span>
                </li>
                <li aria-current="page">{role.title}</li>
              </ol>
            </nav>
            <Badge variant="brand" className="mt-6">{role.category.name}</Badge>
            <h1 className="mt-3 text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">{role.title}</h1>
            <p className="mt-4 max-w-3xl text-lg text-ink-700">{role.summary}</p>
            <dl className="mt-8 grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-4">
              {[
                ['Average salary', salary.avg ? formatMoney(salary.avg, salary.currency) : '—'],
                ['Projected growth', market.growthRatePct === null ? '—' : formatPercent(market.growthRatePct, { signed: true })],
                ['Demand, ' + (market.demandChangePeriod ?? 'recent'), market.demandChangePct === null ? '—' : formatPercent(market.demandChangePct, { signed: true })],
                ['Entry roles per senior', market.entryToSeniorRatio === null ? '—' : String(market.entryToSeniorRatio)],
              ].map(([label, value]) => (
                <div key={label} className="stat">
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href={`/signup?role=${role.slug}`} className={buttonVariants()}>Create your free profile</Link>
              <SaveRoleButton slug={role.slug} title={role.title} />
              {related[0] && (
                <Link href={`/roles/compare?roles=${role.slug},${related[0].slug}`} className={buttonVariants({ variant: 'outline' })}>
                  Compare with {related[0].title}
                </Link>
              )}
            </div>
          </Container>
        </header>

        <Container className="max-w-4xl space-y-14 py-12">
          <Section id="overview" title="Role overview">
            {/* Index keys: a text key would put each paragraph in the payload twice; the list never reorders. */}
            {role.overview.split(/\n{2,}/).map((p, i) => (
              <p key={i} className="mb-4 leading-7 text-ink-800 last:mb-0">{p}</p>
            ))}
          </Section>

          <Section id="responsibilities" title="Roles and responsibilities">
            <ul className="grid gap-4 sm:grid-cols-2">
              {role.responsibilities.map((r) => (
                <li key={r.title} className="box">
                  <h3 className="font-semibold text-ink-900">{r.title}</h3>
                  <p className="mt-1 text-sm leading-6 text-ink-700">{r.description}</p>
                </li>
              ))}
            </ul>
          </Section>

          <Section id="qualifications" title="Typical required skills and qualifications">
            <ul className="list-disc space-y-2 pl-6 leading-7 text-ink-800">
              {role.qualifications.map((q, i) => <li key={i}>{q}</li>)}
            </ul>
          </Section>

          <Section id="trends" title="Emerging trends">
            <ul className="space-y-4">
              {role.trends.map((t, i) => (
                <li key={i} className="box flex gap-4">
                  {t.figurePct !== undefined && (
                    <p className="shrink-0 text-2xl font-bold text-brand-700">
                      {formatPercent(t.figurePct, { signed: true })}
                      {t.figureLabel && <span className="block max-w-32 text-xs font-normal text-ink-600">{t.figureLabel}</span>}
                    </p>
                  )}
                  <p className="leading-7 text-ink-800">{t.text}</p>
                </li>
              ))}
            </ul>
          </Section>

          <Section id="in-demand-skills" title="In-demand skills">
            <SkillsChart skills={role.skills} />
          </Section>

          <Section id="industry-expansion" title="Industry expansion">
            <ul className="list-disc space-y-2 pl-6 leading-7 text-ink-800">
              {market.growthRatePct !== null && (
                <li>
                  The market for {role.title}s is projected to grow {formatPercent(market.growthRatePct)}
                  {market.growthPeriodStart && market.growthPeriodEnd ? ` from ${market.growthPeriodStart} to ${market.growthPeriodEnd}` : ''}
                  {market.growthDriver ? `, driven by ${lowerFirst(market.growthDriver.replace(/^driven by /i, '').replace(/\.$/, ''))}` : ''}.
                </li>
              )}
              {market.entryToSeniorRatio !== null && (
                <li>For every senior position there are about {market.entryToSeniorRatio} entry-level roles.</li>
              )}
            </ul>
          </Section>

          <Section id="demand-overview" title="Demand overview">
            {market.demandChangePct !== null ? (
              <p className="leading-7 text-ink-800">
                Demand for {role.title}s has {market.demandChangePct >= 0 ? 'grown' : 'fallen'} by {formatPercent(Math.abs(market.demandChangePct))} over the{' '}
                {market.demandChangePeriod ?? 'recent period'}
                {market.demandHubs.length ? `, concentrated in ${listFormat.format(market.demandHubs)}` : ''}.
              </p>
            ) : (
              <p className="text-ink-700">Demand figures are not published for this role yet.</p>
            )}
          </Section>

          <Section id="salary-insights" title="Salary insights">
            {salary.avg !== null && (
              <p className="mb-4 leading-7 text-ink-800">
                The average salary in the {salary.region} is {formatMoney(salary.avg, salary.currency)} a year
                {salary.min !== null && salary.max !== null
                  ? `, from ${formatMoney(salary.min, salary.currency)} to ${salary.maxOpenEnded ? 'over ' : ''}${formatMoney(salary.max, salary.currency)} depending on location and experience`
                  : ''}
                .
                {salary.locationPremiums.length > 0 &&
                  ` In ${listFormat.format(salary.locationPremiums.map((p) => p.location))}, pay is about ${listFormat.format([...new Set(salary.locationPremiums.map((p) => formatPercent(Math.abs(p.premiumPct))))])} ${salary.locationPremiums[0]!.premiumPct >= 0 ? 'above' : 'below'} the national average.`}
              </p>
            )}
            <SalaryChart salary={salary} />
          </Section>

          <p className="text-sm text-ink-600">
            {role.lastReviewedAt ? `Figures last reviewed ${formatDate(role.lastReviewedAt)}` : 'Figures not yet reviewed'}; sources:{' '}
            {role.sources.map((s, i) => (
              <span key={i}>
                {i > 0 && '; '}
                {s.url ? (
                  <a href={s.url} className="underline" rel="noopener noreferrer">{s.label}</a>
                ) : (
                  s.label
                )}
              </span>
            ))}
            .
          </p>

          <section aria-labelledby="interested" className="rounded-2xl bg-brand-700 p-8 text-white">
            <h2 id="interested" className="text-2xl font-bold">Interested in this role?</h2>
            <p className="mt-2 text-brand-100">Create your free profile and receive the latest career opportunities directly in your inbox.</p>
            <Link href={`/signup?role=${role.slug}`} className={buttonVariants({ variant: 'secondary', className: 'on-dark mt-5' })}>
              Create your free profile
            </Link>
          </section>
        </Container>

        <Container className="max-w-4xl space-y-12 pb-12">
          <LatestOpportunities role={role.slug} roleTitle={role.title} />
          <ProgramsForSkills skillSlugs={role.skills.map((s) => s.slug)} />
          <TrainersForSkills skillSlugs={role.skills.map((s) => s.slug)} />
        </Container>

        {related.length > 0 && (
          <section aria-labelledby="related-roles" className="border-t border-ink-100">
            <Container className="py-12">
              <h2 id="related-roles" className="h-section">Related roles</h2>
              <p className="mt-2 text-ink-700">Roles that ask for many of the same skills.</p>
              <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
                {related.map((r) => (
                  <li key={r.slug} className="flex flex-col gap-2">
                    <RoleCard role={r} headingLevel="h3" />
                    <Link href={`/roles/compare?roles=${role.slug},${r.slug}`} className="link-more text-sm">
                      Compare with {r.title}
                      <span className="sr-only"> side by side with {role.title}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Container>
          </section>
        )}
      </article>
      <PartnerStrip partners={partners} />
      <ClosingCtas ctas={settings.ctas} />
    </>
  )
}

/** "Rising demand" -> "rising demand", but "AI adoption" stays as written. */
function lowerFirst(text: string) {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

const listFormat = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' })
