import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { applicationStatusValues } from '@/db/schema/applications'
import { listApplicationFilterOptions, listApplicationsForReview } from '@/lib/applications/admin-data'
import { listQueryParams, readListQuery } from '@/lib/applications/admin-schema'
import { statusLabels } from '@/lib/applications/status'
import { requireStaffPage } from '@/lib/auth/staff'
import { cn } from '@/lib/utils'
import { PageHeader } from '../_components/page-header'
import { Pager } from '../_components/pager'
import { countryName, dateLabel, statusVariant } from './_components/labels'

export const metadata: Metadata = { title: 'Trainer applications' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function withParams(path: string, params: Record<string, string | undefined>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

export default async function ApplicationsPage({ searchParams }: Props) {
  // Admins only: editors get a 403 here, and the data layer refuses them too.
  await requireStaffPage('/admin/applications', ['admin'])
  const query = readListQuery(await searchParams)
  const [list, options] = await Promise.all([listApplicationsForReview(query), listApplicationFilterOptions()])
  const params = listQueryParams(query)
  const filtered = Object.values(params).some(Boolean)
  const allCount = Object.values(list.counts).reduce((a, b) => a + b, 0)
  const reversed = query.from && query.to && query.from > query.to

  return (
    <>
      <PageHeader
        title="Trainer applications"
        crumbs={[{ href: '/admin/applications', label: 'Applications' }]}
        actions={
          <>
            <Link href="/admin/applications/templates" className={buttonVariants({ variant: 'outline' })}>
              Email templates
            </Link>
            {/* A plain link: the route answers with a file download. */}
            <a href={withParams('/api/admin/applications/export', params)} className={buttonVariants({ variant: 'secondary' })} download>
              Export CSV<span className="sr-only"> of the {filtered ? 'filtered' : 'whole'} list</span>
            </a>
          </>
        }
      />

      <nav aria-label="Applications by status" className="mb-4 -mx-1 overflow-x-auto px-1 pb-1">
        <ul className="flex min-w-max gap-2">
          {[undefined, ...applicationStatusValues].map((status) => {
            const current = query.status === status
            const n = status ? list.counts[status] : allCount
            return (
              <li key={status ?? 'all'}>
                <Link
                  href={withParams('/admin/applications', { ...params, status })}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'inline-flex min-h-9 items-center gap-2 rounded-full border px-3.5 text-sm font-medium',
                    current ? 'border-brand-600 bg-brand-600 text-white' : 'border-ink-200 bg-white text-ink-800 hover:border-ink-300 hover:bg-ink-50',
                  )}
                >
                  {status ? statusLabels[status] : 'All'}
                  <span className={cn('rounded-full px-1.5 text-xs tabular-nums', current ? 'bg-white/20' : 'bg-ink-100 text-ink-700')}>{n}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>

      <form method="get" role="search" aria-label="Filter applications" className="mb-6 grid gap-4 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end">
        <FormField id="applications-q" label="Name, email or headline" className="sm:col-span-2">
          <Input id="applications-q" name="q" type="search" defaultValue={query.q} maxLength={200} autoComplete="off" />
        </FormField>
        <FormField id="applications-status" label="Status">
          <Select id="applications-status" name="status" defaultValue={query.status ?? ''}>
            <option value="">All statuses</option>
            {applicationStatusValues.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="applications-skill" label="Skill">
          <Select id="applications-skill" name="skill" defaultValue={query.skill ?? ''}>
            <option value="">All skills</option>
            {options.skills.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="applications-country" label="Country">
          <Select id="applications-country" name="country" defaultValue={query.country ?? ''}>
            <option value="">All countries</option>
            {options.countries.map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="applications-from" label="Submitted from">
          <Input id="applications-from" name="from" type="date" defaultValue={query.from ?? ''} />
        </FormField>
        <FormField id="applications-to" label="Submitted to">
          <Input id="applications-to" name="to" type="date" defaultValue={query.to ?? ''} />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <Link href="/admin/applications" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      {reversed ? (
        <p role="alert" className="mb-3 rounded-lg border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-warning-800">
          The start date is after the end date, so nothing can match.
        </p>
      ) : null}
      <p className="mb-3 text-sm text-ink-700" id="applications-count">
        {list.total === 1 ? '1 application' : `${list.total} applications`}
        {filtered ? (list.total === 1 ? ' matches these filters' : ' match these filters') : ''}, newest first. Dates are in UTC.
      </p>
      {list.items.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-ink-300 bg-white p-8 text-center">
          {filtered ? (
            <>
              <p className="font-semibold text-ink-900">No applications match these filters.</p>
              <p className="mt-1 text-ink-700">Try another search, or clear the filters to see every application.</p>
              <Link href="/admin/applications" className={buttonVariants({ variant: 'outline', className: 'mt-4' })}>
                Clear the filters
              </Link>
            </>
          ) : (
            <>
              <p className="font-semibold text-ink-900">No applications yet.</p>
              <p className="mt-1 text-ink-700">
                Applications appear here as soon as trainers apply on the{' '}
                <Link href="/trainers" className="font-medium text-brand-700 underline underline-offset-4">
                  trainers page
                </Link>
                .
              </p>
            </>
          )}
        </div>
      ) : (
        <Table caption="Trainer applications, newest first" hideCaption wrapperClassName="relative">
          <THead>
            <TR>
              <TH>Applicant</TH>
              <TH>Headline</TH>
              <TH>Skills</TH>
              <TH>Country</TH>
              <TH>Submitted</TH>
              <TH>Status</TH>
            </TR>
          </THead>
          <TBody>
            {list.items.map((a) => (
              <TR key={a.id}>
                <TH scope="row" className="min-w-48 font-medium">
                  <Link href={`/admin/applications/${a.id}`} className="text-brand-700 underline-offset-4 hover:underline">
                    {a.fullName}
                  </Link>
                  <span className="block text-xs font-normal break-all text-ink-600">{a.email}</span>
                </TH>
                <TD className="min-w-56">{a.headline}</TD>
                <TD className="min-w-40 text-sm">{a.skills.length ? a.skills.join(', ') : <span className="text-ink-600">None given</span>}</TD>
                <TD className="whitespace-nowrap">{countryName(a.country)}</TD>
                <TD className="whitespace-nowrap">
                  <time dateTime={a.submittedAt}>{dateLabel.format(new Date(a.submittedAt))}</time>
                </TD>
                <TD>
                  <Badge variant={statusVariant[a.status]}>{statusLabels[a.status]}</Badge>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/applications" label="Applications pages" params={params} />
    </>
  )
}
