import type { Metadata } from 'next'
import Link from 'next/link'
import { Pager } from '@/app/admin/_components/pager'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listOutbox } from '@/lib/email/admin-data'
import { emailStatusLabels, emailStatusValues, outboxListQuerySchema, outboxQueryParams, type EmailStatus } from '@/lib/email/admin-schema'
import { cn } from '@/lib/utils'
import { PageHeader } from '../_components/page-header'
import { HeldWarning } from './_components/held-warning'
import { kindLabel, statusBadge, timeFormat } from './_components/labels'

export const metadata: Metadata = { title: 'Outbox' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

function href(path: string, params: Record<string, string | undefined>) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
  const query = search.toString()
  return query ? `${path}?${query}` : path
}

export default async function OutboxPage({ searchParams }: Props) {
  await requireStaffPage('/admin/outbox', ['admin'])
  const raw = await searchParams
  const query = outboxListQuerySchema.parse({ q: first(raw.q) ?? '', status: first(raw.status) || undefined, page: first(raw.page) ?? 1 })
  const list = await listOutbox(query)
  const params = outboxQueryParams(query)
  const allCount = emailStatusValues.reduce((n, s) => n + list.counts[s], 0)
  const tabs: { status?: EmailStatus; label: string; count: number }[] = [
    { label: 'All', count: allCount },
    ...emailStatusValues.map((s) => ({ status: s, label: emailStatusLabels[s], count: list.counts[s] })),
  ]

  return (
    <>
      <PageHeader title="Outbox" crumbs={[{ href: '/admin/outbox', label: 'Outbox' }]} />
      <p className="-mt-3 mb-5 max-w-3xl text-sm text-ink-700">
        Every email the site sends, newest first. Failed messages can be sent again from their page.
      </p>
      {!list.smtpConfigured ? <HeldWarning held={list.held} /> : null}

      <nav aria-label="Message status" className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {tabs.map((t) => {
            const current = query.status === t.status
            return (
              <li key={t.label}>
                <Link
                  href={href('/admin/outbox', { ...params, status: t.status, page: undefined })}
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

      <form method="get" role="search" aria-label="Search the outbox" className="mb-6 flex flex-col gap-3 rounded-2xl border border-ink-200 bg-white p-4 sm:flex-row sm:items-end">
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <FormField id="outbox-q" label="Recipient" className="sm:w-96">
          <Input id="outbox-q" name="q" type="search" defaultValue={query.q} maxLength={254} autoComplete="off" placeholder="name@example.com" />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          {query.q || query.status ? (
            <Link href="/admin/outbox" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-ink-700" role="status">
        {list.total === 1 ? '1 message' : `${list.total} messages`}
        {query.q || query.status ? (list.total === 1 ? ' matches' : ' match') : ''}.
      </p>
      {list.rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">No messages match. Try another recipient or clear the filters.</p>
      ) : (
        <Table caption="Messages, newest first" hideCaption>
          <THead>
            <TR>
              <TH>Subject</TH>
              <TH className="hidden md:table-cell">To</TH>
              <TH className="hidden lg:table-cell">Kind</TH>
              <TH>Status</TH>
              <TH className="hidden sm:table-cell">Attempts</TH>
              <TH>Queued (UTC)</TH>
            </TR>
          </THead>
          <TBody>
            {list.rows.map((r) => (
              <TR key={r.id}>
                <TH scope="row" className="font-medium">
                  <Link href={`/admin/outbox/${r.id}`} className="text-brand-800 underline underline-offset-4 hover:text-brand-950">
                    {r.subject}
                  </Link>
                  {/* On a phone the recipient sits under the subject instead of in its own column. */}
                  <span className="mt-1 block text-xs font-normal break-all text-ink-600 md:hidden">{r.to}</span>
                </TH>
                <TD className="hidden break-all md:table-cell">{r.to}</TD>
                <TD className="hidden lg:table-cell">{kindLabel(r.kind)}</TD>
                <TD>
                  <Badge variant={statusBadge[r.status]}>{emailStatusLabels[r.status]}</Badge>
                </TD>
                <TD className="hidden sm:table-cell">{r.attempts}</TD>
                <TD className="whitespace-nowrap">{timeFormat.format(new Date(r.createdAt))}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/outbox" label="Outbox pages" params={params} />
    </>
  )
}
