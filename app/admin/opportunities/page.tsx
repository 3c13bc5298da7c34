import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listOpportunitiesForAdmin, listOpportunityFormOptions } from '@/lib/opportunities/admin-data'
import { adminOpportunityFiltersSchema, dateFromExpiresAt, opportunityStatusLabels, opportunityStatusValues } from '@/lib/opportunities/schema'
import { dayLabel, statusVariant, whenLabel } from './_components/labels'
import { OpportunityStatusActions } from './_components/status-actions'

export const metadata: Metadata = { title: 'Opportunities' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AdminOpportunitiesPage({ searchParams }: Props) {
  await requireStaffPage('/admin/opportunities')
  const raw = await searchParams
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined
  const filters = adminOpportunityFiltersSchema.parse({ status: one(raw.status), role: one(raw.role), q: one(raw.q) })
  const [rows, options] = await Promise.all([listOpportunitiesForAdmin(filters), listOpportunityFormOptions()])
  const filtered = !!(filters.status || filters.role || filters.q)

  return (
    <>
      <PageHeader
        title="Opportunities"
        actions={
          <>
            <Link href="/admin/opportunities/new" className={buttonVariants({ size: 'sm' })}>
              New opportunity
            </Link>
            <Link href="/admin/opportunities/trash" className={buttonVariants({ size: 'sm', variant: 'outline' })}>
              Trash
            </Link>
          </>
        }
      />
      <form method="get" role="search" aria-label="Filter opportunities" className="mb-6 grid gap-3 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
        <div>
          <label htmlFor="filter-q" className="text-sm font-medium text-ink-900">
            Search by title
          </label>
          <Input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} maxLength={100} className="mt-1" />
        </div>
        <div>
          <label htmlFor="filter-status" className="text-sm font-medium text-ink-900">
            Status
          </label>
          <Select id="filter-status" name="status" defaultValue={filters.status ?? ''} wrapperClassName="mt-1">
            <option value="">Any status</option>
            {opportunityStatusValues.map((s) => (
              <option key={s} value={s}>
                {opportunityStatusLabels[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-role" className="text-sm font-medium text-ink-900">
            Role
          </label>
          <Select id="filter-role" name="role" defaultValue={filters.role ?? ''} wrapperClassName="mt-1">
            <option value="">Any role</option>
            {options.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex gap-2">
          <Button type="submit" variant="outline">
            Filter
          </Button>
          {filtered && (
            <Link href="/admin/opportunities" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          )}
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">
          {filtered ? 'No opportunity matches these filters.' : 'No opportunities yet.'}{' '}
          <Link href="/admin/opportunities/new" className="font-semibold text-brand-700 underline underline-offset-4">
            Create one
          </Link>
          .
        </p>
      ) : (
        <Table caption={`${rows.length} ${rows.length === 1 ? 'opportunity' : 'opportunities'}${filtered ? ' matching the filters' : ''}`}>
          <THead>
            <TR>
              <TH>Title</TH>
              <TH>Company</TH>
              <TH>Role</TH>
              <TH>Status</TH>
              <TH>Listed until</TH>
              <TH>Updated</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((o) => (
              <TR key={o.id}>
                <TD className="min-w-48 font-medium text-ink-900">
                  <Link href={`/admin/opportunities/${o.id}`} className="text-brand-700 underline-offset-4 hover:underline">
                    {o.title}
                  </Link>
                </TD>
                <TD>{o.company}</TD>
                <TD>{o.role ?? '—'}</TD>
                <TD>
                  <Badge variant={statusVariant[o.status]}>{opportunityStatusLabels[o.status]}</Badge>
                </TD>
                <TD className="whitespace-nowrap">
                  {o.expiresAt ? dayLabel(dateFromExpiresAt(o.expiresAt)) : 'No expiry'}
                  {o.expired && (
                    <Badge variant="danger" className="ml-2">
                      Expired
                    </Badge>
                  )}
                </TD>
                <TD className="whitespace-nowrap">{whenLabel(o.updatedAt)}</TD>
                <TD>
                  <OpportunityStatusActions id={o.id} version={o.version} status={o.status} title={o.title} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  )
}
