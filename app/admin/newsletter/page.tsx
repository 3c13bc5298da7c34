import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge, type BadgeVariant } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { subscriberStatusValues, type SubscriberStatus } from '@/db/schema/newsletter'
import { requireStaffPage } from '@/lib/auth/staff'
import { listSubscribers } from '@/lib/newsletter/admin-data'
import { newsletterListQuerySchema, subscriberStatusLabels } from '@/lib/newsletter/schema'
import { PageHeader } from '../_components/page-header'
import { Pager } from '../_components/pager'

export const metadata: Metadata = { title: 'Newsletter' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

const statusBadge: Record<SubscriberStatus, BadgeVariant> = { pending: 'warning', confirmed: 'success', unsubscribed: 'neutral' }
const countLabels: Record<SubscriberStatus, string> = { confirmed: 'Subscribers', pending: 'Pending confirmation', unsubscribed: 'Unsubscribed' }

function DateCell({ value }: { value: string | null }) {
  return value ? <time dateTime={value}>{day.format(new Date(value))}</time> : <span className="text-ink-600">—</span>
}

export default async function NewsletterAdminPage({ searchParams }: Props) {
  await requireStaffPage('/admin/newsletter', ['admin'])
  const raw = await searchParams
  const query = newsletterListQuerySchema.parse({ q: first(raw.q) ?? '', status: first(raw.status) || undefined, page: first(raw.page) ?? 1 })
  const list = await listSubscribers(query)
  const filtered = !!(query.q || query.status)
  const exportParams = new URLSearchParams()
  if (query.q) exportParams.set('q', query.q)
  if (query.status) exportParams.set('status', query.status)
  const exportHref = `/api/admin/newsletter/export${exportParams.size ? `?${exportParams}` : ''}`

  return (
    <>
      <PageHeader
        title="Newsletter"
        crumbs={[{ href: '/admin/newsletter', label: 'Newsletter' }]}
        actions={
          <a href={exportHref} className={buttonVariants({ variant: 'outline', size: 'sm' })} download>
            Download CSV{filtered ? ' (filtered)' : ''}
          </a>
        }
      />
      <h2 className="sr-only">Addresses by status</h2>
      <dl className="mb-6 grid grid-cols-3 gap-3">
        {(['confirmed', 'pending', 'unsubscribed'] as const).map((s) => (
          <div key={s} className="rounded-2xl border border-ink-200 bg-white p-3 sm:p-4">
            <dt className="text-xs text-ink-700 sm:text-sm">{countLabels[s]}</dt>
            <dd className="mt-1 text-2xl font-bold text-ink-950" data-testid={`count-${s}`}>
              {list.counts[s]}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mb-4 text-sm text-ink-700">Only confirmed addresses get the newsletter. Pending ones have not clicked the link in their confirmation email yet.</p>

      <form method="get" role="search" aria-label="Filter addresses" className="mb-6 grid gap-4 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_auto] lg:items-end">
        <FormField id="newsletter-q" label="Email">
          <Input id="newsletter-q" name="q" type="search" defaultValue={query.q} maxLength={254} autoComplete="off" />
        </FormField>
        <FormField id="newsletter-status" label="Status">
          <Select id="newsletter-status" name="status" defaultValue={query.status ?? ''}>
            <option value="">All statuses</option>
            {subscriberStatusValues.map((s) => (
              <option key={s} value={s}>
                {subscriberStatusLabels[s]}
              </option>
            ))}
          </Select>
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <Link href="/admin/newsletter" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-ink-700">
        {list.total === 1 ? '1 address' : `${list.total} addresses`}
        {filtered ? ' match these filters' : ''}, newest first. Dates are in UTC.
      </p>
      {list.subscribers.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">{filtered ? 'No addresses match. Try another search or clear the filters.' : 'Nobody has signed up yet.'}</p>
      ) : (
        <Table caption="Newsletter addresses, newest first" hideCaption>
          <THead>
            <TR>
              <TH>Email</TH>
              <TH>Status</TH>
              <TH>Source</TH>
              <TH>Signed up</TH>
              <TH>Confirmed</TH>
              <TH>Unsubscribed</TH>
            </TR>
          </THead>
          <TBody>
            {list.subscribers.map((s) => (
              <TR key={s.id}>
                <TH scope="row" className="min-w-60 font-medium [overflow-wrap:anywhere]">
                  {s.email}
                </TH>
                <TD>
                  <Badge variant={statusBadge[s.status]}>{subscriberStatusLabels[s.status]}</Badge>
                </TD>
                <TD className="capitalize">{s.source}</TD>
                <TD className="whitespace-nowrap">
                  <DateCell value={s.createdAt} />
                </TD>
                <TD className="whitespace-nowrap">
                  <DateCell value={s.confirmedAt} />
                </TD>
                <TD className="whitespace-nowrap">
                  <DateCell value={s.unsubscribedAt} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/newsletter" label="Newsletter pages" params={{ q: query.q, status: query.status }} />
    </>
  )
}
