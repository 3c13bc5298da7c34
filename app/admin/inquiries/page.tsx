import type { Metadata } from 'next'
import Link from 'next/link'
import { Pager } from '@/app/admin/_components/pager'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listInquiries, listInquiryOwners } from '@/lib/inquiries/admin-data'
import {
  inquiryKindLabels,
  inquiryKindValues,
  inquiryListQuerySchema,
  inquiryQueryParams,
  inquiryStatusLabels,
  inquiryStatusValues,
  type InquiryListQuery,
  type InquiryStatus,
} from '@/lib/inquiries/schema'
import { cn } from '@/lib/utils'
import { PageHeader } from '../_components/page-header'
import { kindBadge, receivedFormat, statusBadge } from './_components/labels'

export const metadata: Metadata = { title: 'Inquiries' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

function href(path: string, params: Record<string, string | undefined>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

export default async function InquiriesPage({ searchParams }: Props) {
  const me = await requireStaffPage('/admin/inquiries', ['admin'])
  const raw = await searchParams
  const query: InquiryListQuery = inquiryListQuerySchema.parse({
    q: first(raw.q) ?? '',
    kind: first(raw.kind) || undefined,
    status: first(raw.status) || undefined,
    owner: first(raw.owner) || undefined,
    from: first(raw.from) || undefined,
    to: first(raw.to) || undefined,
    page: first(raw.page) ?? 1,
  })
  const [list, owners] = await Promise.all([listInquiries(query), listInquiryOwners()])
  const params = inquiryQueryParams(query)
  const filtered = !!(query.q || query.kind || query.owner || query.from || query.to)
  const allCount = inquiryStatusValues.reduce((n, s) => n + list.counts[s], 0)
  const tabs: { status?: InquiryStatus; label: string; count: number }[] = [
    { label: 'All', count: allCount },
    ...inquiryStatusValues.map((s) => ({ status: s, label: inquiryStatusLabels[s], count: list.counts[s] })),
  ]

  return (
    <>
      <PageHeader
        title="Inquiries"
        crumbs={[{ href: '/admin/inquiries', label: 'Inquiries' }]}
        actions={
          <a href={href('/api/admin/inquiries/export', params)} download className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            Export CSV
          </a>
        }
      />
      <p className="-mt-3 mb-5 max-w-3xl text-sm text-ink-700">Partnership inquiries and demo bookings from the public forms, newest first. The export has every field of the filtered list.</p>

      <nav aria-label="Inquiry status" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((t) => {
            const current = query.status === t.status
            return (
              <li key={t.label}>
                <Link
                  href={href('/admin/inquiries', { ...params, status: t.status })}
                  aria-current={current ? 'page' : undefined}
                  className={cn(
                    'inline-flex min-h-10 items-center gap-2 rounded-full border px-4 text-sm font-semibold',
                    current ? 'border-brand-700 bg-brand-700 text-white' : 'border-ink-300 bg-white text-ink-800 hover:border-brand-400',
                  )}
                >
                  {t.label}
                  <span className={cn('rounded-full px-2 text-xs', current ? 'bg-white/20' : 'bg-ink-100 text-ink-700')}>{t.count}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>

      <form method="get" role="search" aria-label="Filter inquiries" className="mb-6 grid gap-4 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <FormField id="inq-q" label="Company, name or email" className="lg:col-span-2">
          <Input id="inq-q" name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" />
        </FormField>
        <FormField id="inq-kind" label="Kind">
          <Select id="inq-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">All kinds</option>
            {inquiryKindValues.map((k) => (
              <option key={k} value={k}>
                {inquiryKindLabels[k]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="inq-owner" label="Owner">
          <Select id="inq-owner" name="owner" defaultValue={query.owner ?? ''}>
            <option value="">Anyone</option>
            <option value="mine">Mine</option>
            <option value="unassigned">Unassigned</option>
            {owners
              .filter((o) => o.id !== me.id)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </Select>
        </FormField>
        <FormField id="inq-from" label="Received from">
          <Input id="inq-from" name="from" type="date" defaultValue={query.from ?? ''} />
        </FormField>
        <FormField id="inq-to" label="Received until">
          <Input id="inq-to" name="to" type="date" defaultValue={query.to ?? ''} />
        </FormField>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-6">
          <Button type="submit">Filter</Button>
          {filtered || query.status ? (
            <Link href="/admin/inquiries" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-ink-700" role="status">
        {list.total === 1 ? '1 inquiry' : `${list.total} inquiries`}
        {filtered || query.status ? ' match these filters' : ''}.
      </p>
      {list.rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">No inquiries match. Try another search or clear the filters.</p>
      ) : (
        <Table caption="Inquiries, newest first" hideCaption>
          <THead>
            <TR>
              <TH>Company</TH>
              <TH>Kind</TH>
              <TH>Contact</TH>
              <TH>Status</TH>
              <TH>Owner</TH>
              <TH>Received (UTC)</TH>
            </TR>
          </THead>
          <TBody>
            {list.rows.map((r) => (
              <TR key={r.id}>
                <TH scope="row" className="font-medium">
                  <Link href={`/admin/inquiries/${r.id}`} className="text-brand-800 underline-offset-4 hover:underline">
                    {r.company}
                  </Link>
                </TH>
                <TD>
                  <Badge variant={kindBadge[r.kind]}>{inquiryKindLabels[r.kind]}</Badge>
                </TD>
                <TD className="break-all">
                  {r.contactName}
                  <span className="block text-xs text-ink-600">{r.email}</span>
                </TD>
                <TD>
                  <Badge variant={statusBadge[r.status]}>{inquiryStatusLabels[r.status]}</Badge>
                </TD>
                <TD>{r.owner ? (r.owner.id === me.id ? 'You' : r.owner.name) : <span className="text-ink-600">Unassigned</span>}</TD>
                <TD className="whitespace-nowrap">{receivedFormat.format(new Date(r.createdAt))}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/inquiries" label="Inquiry pages" params={params} />
    </>
  )
}
