import type { Metadata } from 'next'
import Link from 'next/link'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { getOperationsOverview } from '@/lib/operations/data'
import { PageHeader } from '../_components/page-header'
import { timeFormat } from '../outbox/_components/labels'

export const metadata: Metadata = { title: 'Operations' }

function duration(seconds: number) {
  const d = Math.floor(seconds / 86_400)
  const h = Math.floor((seconds % 86_400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min`
}

function bytes(n: number | null) {
  if (n === null) return 'unknown'
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`
}

const when = (iso: string | null) => (iso ? `${timeFormat.format(new Date(iso))} UTC` : 'never')

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="rounded-2xl border border-ink-200 bg-white p-4">
      <dt className="text-sm text-ink-600">{label}</dt>
      <dd className="mt-1 font-semibold break-words text-ink-950">{children}</dd>
    </div>
  )
}

export default async function OperationsPage() {
  await requireStaffPage('/admin/operations', ['admin'])
  const ops = await getOperationsOverview()
  const pending = ops.migrations.known - ops.migrations.applied

  return (
    <>
      <PageHeader title="Operations" crumbs={[{ href: '/admin/operations', label: 'Operations' }]} />
      <dl className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        <Fact label="Version">
          {ops.version} <span className="font-mono text-sm font-normal">({ops.commit})</span>
        </Fact>
        <Fact label="Up for">{duration(ops.uptimeSeconds)}</Fact>
        <Fact label="Database">
          {ops.database.engine === 'postgres' ? 'PostgreSQL' : 'Embedded PGlite'}, {bytes(ops.database.sizeBytes)}
        </Fact>
        <Fact label="Migrations applied">
          {ops.migrations.applied} of {ops.migrations.known}
          {pending > 0 ? <span className="text-danger-700"> ({pending} pending)</span> : null}
          {ops.migrations.latest ? <span className="block text-sm font-normal text-ink-700">latest: {ops.migrations.latest}</span> : null}
        </Fact>
        <Fact label="Last backup">
          {ops.lastBackup ? (
            <>
              {when(ops.lastBackup.finishedAt)}
              <span className="block text-sm font-normal break-all text-ink-700">
                {ops.lastBackup.file} ({bytes(ops.lastBackup.bytes)})
              </span>
            </>
          ) : (
            'never (npm run db:backup)'
          )}
        </Fact>
        <Fact label="Outbox">
          <Link href="/admin/outbox" className="text-brand-800 underline underline-offset-4">
            {ops.outbox.counts.queued} queued, {ops.outbox.counts.held} held, {ops.outbox.counts.failed} failed
          </Link>
          <span className="block text-sm font-normal text-ink-700">
            {ops.outbox.counts.sending} sending, {ops.outbox.counts.sent} sent
            {ops.outbox.oldestHeldAt ? `; oldest held since ${when(ops.outbox.oldestHeldAt)}` : ''}
          </span>
        </Fact>
      </dl>

      <h2 className="mt-8 mb-3 text-lg font-bold text-ink-950">Recent server errors</h2>
      {ops.errors.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">No server errors recorded.</p>
      ) : (
        <Table caption={`The last ${ops.errors.length} server errors, newest first`}>
          <THead>
            <TR>
              <TH>When (UTC)</TH>
              <TH>Reference</TH>
              <TH className="hidden md:table-cell">Route</TH>
              <TH>Message</TH>
              <TH className="hidden lg:table-cell">Request id</TH>
            </TR>
          </THead>
          <TBody>
            {ops.errors.map((e) => (
              <TR key={e.id}>
                <TD className="whitespace-nowrap">{timeFormat.format(new Date(e.createdAt))}</TD>
                <TD className="font-mono text-xs">{e.digest ?? '-'}</TD>
                <TD className="hidden font-mono text-xs md:table-cell">{e.route ?? '-'}</TD>
                <TD className="break-words">{e.message}</TD>
                <TD className="hidden font-mono text-xs break-all lg:table-cell">{e.requestId ?? '-'}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  )
}
