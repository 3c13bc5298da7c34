import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge, type BadgeVariant } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listSuppressions } from '@/lib/email/suppression-admin'
import { suppressionListQuerySchema, suppressionReasonLabels } from '@/lib/email/suppression-schema'
import type { SuppressionReason } from '@/lib/email/suppressions'
import { PageHeader } from '../_components/page-header'
import { Pager } from '../_components/pager'
import { AddSuppressionForm, ClearSuppressionButton } from './_components/suppression-forms'

export const metadata: Metadata = { title: 'Email suppressions' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const reasonBadge: Record<SuppressionReason, BadgeVariant> = { hard_bounce: 'danger', complaint: 'warning', manual: 'neutral' }

export default async function SuppressionsPage({ searchParams }: Props) {
  await requireStaffPage('/admin/suppressions', ['admin'])
  const raw = await searchParams
  const query = suppressionListQuerySchema.parse({ q: first(raw.q) ?? '', page: first(raw.page) ?? 1 })
  const list = await listSuppressions(query)

  return (
    <>
      <PageHeader title="Email suppressions" crumbs={[{ href: '/admin/suppressions', label: 'Email suppressions' }]} />
      <p className="mb-4 max-w-3xl text-sm text-ink-700">
        Addresses on this list get no email from SkillsU except what the person asks for themselves (a password reset, an address verification). Addresses
        are added when their mail server refuses them for good (a hard bounce), or by an admin after a complaint. Clearing an address lets mail go to it
        again.
      </p>
      <h2 className="mb-2 text-lg font-semibold text-ink-950">Add an address</h2>
      <div className="mb-8">
        <AddSuppressionForm />
      </div>

      <form method="get" role="search" aria-label="Search the list" className="mb-6 flex flex-wrap items-end gap-4 rounded-2xl border border-ink-200 bg-white p-4">
        <FormField id="suppressions-q" label="Email" className="min-w-64 flex-1">
          <Input id="suppressions-q" name="q" type="search" defaultValue={query.q} maxLength={254} autoComplete="off" />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          {query.q ? (
            <Link href="/admin/suppressions" className={buttonVariants({ variant: 'ghost' })}>
              Clear search
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-ink-700">
        {list.total === 1 ? '1 address' : `${list.total} addresses`}
        {query.q ? ' match' : ''}, newest first. Dates are in UTC.
      </p>
      {list.suppressions.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">{query.q ? 'No address matches.' : 'No address is suppressed.'}</p>
      ) : (
        <Table caption="Suppressed addresses, newest first" hideCaption>
          <THead>
            <TR>
              <TH>Email</TH>
              <TH>Reason</TH>
              <TH>Detail</TH>
              <TH>Added</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {list.suppressions.map((s) => (
              <TR key={s.email}>
                <TH scope="row" className="min-w-60 font-medium [overflow-wrap:anywhere]">
                  {s.email}
                </TH>
                <TD>
                  <Badge variant={reasonBadge[s.reason]}>{suppressionReasonLabels[s.reason]}</Badge>
                </TD>
                <TD className="max-w-md text-sm [overflow-wrap:anywhere]">{s.detail ?? '—'}</TD>
                <TD className="whitespace-nowrap">
                  <time dateTime={s.createdAt}>{day.format(new Date(s.createdAt))}</time>
                  {s.addedBy ? <span className="block text-xs text-ink-600">by {s.addedBy}</span> : null}
                </TD>
                <TD>
                  <ClearSuppressionButton email={s.email} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/suppressions" label="Suppression list pages" params={{ q: query.q || undefined }} />
    </>
  )
}
