import type { Metadata } from 'next'
import Link from 'next/link'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { auditQuerySchema, listAuditEntityTypes, listAuditEntries, type AuditEntryDto } from '@/lib/audit/queries'
import { requireStaffPage } from '@/lib/auth/staff'
import { PageHeader } from '../_components/page-header'
import { Pager } from '../_components/pager'

export const metadata: Metadata = { title: 'Audit log' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })

function Actor({ actor }: { actor: AuditEntryDto['actor'] }) {
  if (actor.kind === 'system') return <span className="text-ink-600 italic">system</span>
  if (actor.kind === 'deleted') return <span className="text-ink-600 italic">deleted user</span>
  return (
    <>
      <span className="block font-medium text-ink-900">{actor.name}</span>
      <span className="block break-all text-xs text-ink-600">{actor.email}</span>
    </>
  )
}

function Changes({ entry }: { entry: AuditEntryDto }) {
  if (entry.before == null && entry.after == null) return <span className="text-ink-600">None recorded</span>
  return (
    <details className="w-80 max-w-md">
      <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
        Before and after<span className="sr-only"> for entry {entry.id}</span>
      </summary>
      <div className="mt-2 grid gap-2">
        <div>
          <p className="text-xs font-semibold text-ink-700 uppercase">Before</p>
          <pre className="max-h-64 overflow-auto rounded-lg bg-ink-50 p-2 text-xs whitespace-pre-wrap text-ink-900 [overflow-wrap:anywhere]">{JSON.stringify(entry.before, null, 2) ?? 'null'}</pre>
        </div>
        <div>
          <p className="text-xs font-semibold text-ink-700 uppercase">After</p>
          <pre className="max-h-64 overflow-auto rounded-lg bg-ink-50 p-2 text-xs whitespace-pre-wrap text-ink-900 [overflow-wrap:anywhere]">{JSON.stringify(entry.after, null, 2) ?? 'null'}</pre>
        </div>
      </div>
    </details>
  )
}

export default async function AuditPage({ searchParams }: Props) {
  await requireStaffPage('/admin/audit', ['admin'])
  const raw = await searchParams
  const query = auditQuerySchema.parse({
    actor: first(raw.actor) ?? '',
    entityType: first(raw.entityType) || undefined,
    from: first(raw.from) || undefined,
    to: first(raw.to) || undefined,
    page: first(raw.page) ?? 1,
  })
  const [list, entityTypes] = await Promise.all([listAuditEntries(query), listAuditEntityTypes()])
  const filtered = !!(query.actor || query.entityType || query.from || query.to)
  const reversed = query.from && query.to && query.from > query.to

  return (
    <>
      <PageHeader title="Audit log" crumbs={[{ href: '/admin/audit', label: 'Audit log' }]} />
      <form method="get" role="search" aria-label="Filter the audit log" className="mb-6 grid gap-4 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 xl:grid-cols-[2fr_1fr_1fr_1fr_auto] xl:items-end">
        <FormField id="audit-actor" label="Actor email">
          <Input id="audit-actor" name="actor" type="search" defaultValue={query.actor} maxLength={254} autoComplete="off" />
        </FormField>
        <FormField id="audit-entity" label="Entity type">
          <Select id="audit-entity" name="entityType" defaultValue={query.entityType ?? ''}>
            <option value="">All types</option>
            {entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="audit-from" label="From (UTC)">
          <Input id="audit-from" name="from" type="date" defaultValue={query.from ?? ''} />
        </FormField>
        <FormField id="audit-to" label="To (UTC)">
          <Input id="audit-to" name="to" type="date" defaultValue={query.to ?? ''} />
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <Link href="/admin/audit" className={buttonVariants({ variant: 'ghost' })}>
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
      <p className="mb-3 text-sm text-ink-700">
        {list.total === 1 ? '1 entry' : `${list.total} entries`}
        {filtered ? ' match these filters' : ''}, newest first. Times are in UTC.
      </p>
      {list.entries.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">No entries match.</p>
      ) : (
        <Table caption="Audit log entries, newest first" hideCaption wrapperClassName="relative">
          <THead>
            <TR>
              <TH>Time</TH>
              <TH>Actor</TH>
              <TH>Action</TH>
              <TH>Entity</TH>
              <TH>ID</TH>
              <TH>IP</TH>
              <TH>Changes</TH>
            </TR>
          </THead>
          <TBody>
            {list.entries.map((e) => (
              <TR key={e.id}>
                <TD className="whitespace-nowrap">
                  <time dateTime={e.createdAt}>{time.format(new Date(e.createdAt))}</time>
                </TD>
                <TD className="min-w-48">
                  <Actor actor={e.actor} />
                </TD>
                <TD>
                  <code className="text-xs text-ink-900">{e.action}</code>
                </TD>
                <TD>{e.entityType}</TD>
                <TD className="font-mono text-xs break-all">{e.entityId ?? '—'}</TD>
                <TD className="font-mono text-xs whitespace-nowrap">{e.ip ?? '—'}</TD>
                <TD>
                  <Changes entry={e} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager
        page={list.page}
        pageCount={list.pageCount}
        basePath="/admin/audit"
        label="Audit log pages"
        params={{ actor: query.actor, entityType: query.entityType, from: query.from, to: query.to }}
      />
    </>
  )
}
