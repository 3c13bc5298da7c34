import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listProgramsForAdmin } from '@/lib/programs/admin-data'
import { adminProgramFiltersSchema, programFormatLabels, programFormatValues, programLevelLabels, programStatusLabels, programStatusValues } from '@/lib/programs/schema'
import { statusVariant, whenLabel } from './_components/labels'
import { ProgramStatusActions } from './_components/status-actions'

export const metadata: Metadata = { title: 'Programs' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function AdminProgramsPage({ searchParams }: Props) {
  await requireStaffPage('/admin/programs')
  const raw = await searchParams
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined
  const filters = adminProgramFiltersSchema.parse({ status: one(raw.status), format: one(raw.format), q: one(raw.q) })
  const rows = await listProgramsForAdmin(filters)
  const filtered = !!(filters.status || filters.format || filters.q)

  return (
    <>
      <PageHeader
        title="Programs"
        actions={
          <>
            <Link href="/admin/programs/new" className={buttonVariants({ size: 'sm' })}>
              New program
            </Link>
            <Link href="/admin/programs/trash" className={buttonVariants({ size: 'sm', variant: 'outline' })}>
              Trash
            </Link>
          </>
        }
      />
      <form method="get" role="search" aria-label="Filter programs" className="mb-6 grid gap-3 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
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
            {programStatusValues.map((s) => (
              <option key={s} value={s}>
                {programStatusLabels[s]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="filter-format" className="text-sm font-medium text-ink-900">
            Format
          </label>
          <Select id="filter-format" name="format" defaultValue={filters.format ?? ''} wrapperClassName="mt-1">
            <option value="">Any format</option>
            {programFormatValues.map((f) => (
              <option key={f} value={f}>
                {programFormatLabels[f]}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex gap-2">
          <Button type="submit" variant="outline">
            Filter
          </Button>
          {filtered && (
            <Link href="/admin/programs" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          )}
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">
          {filtered ? 'No program matches these filters.' : 'No programs yet.'}{' '}
          <Link href="/admin/programs/new" className="font-semibold text-brand-700 underline underline-offset-4">
            Create one
          </Link>
          .
        </p>
      ) : (
        <Table caption={`${rows.length} ${rows.length === 1 ? 'program' : 'programs'}${filtered ? ' matching the filters' : ''}`}>
          <THead>
            <TR>
              <TH>Title</TH>
              <TH>Format</TH>
              <TH>Level</TH>
              <TH>Links</TH>
              <TH>Status</TH>
              <TH>Updated</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((p) => (
              <TR key={p.id}>
                <TD className="min-w-48">
                  <Link href={`/admin/programs/${p.id}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                    {p.title}
                  </Link>
                  <span className="block text-xs text-ink-600">/programs/{p.slug}</span>
                </TD>
                <TD>{programFormatLabels[p.format]}</TD>
                <TD className="whitespace-nowrap">{programLevelLabels[p.level]}</TD>
                <TD className="whitespace-nowrap">
                  {p.roleCount} {p.roleCount === 1 ? 'role' : 'roles'}, {p.skillCount} {p.skillCount === 1 ? 'skill' : 'skills'}
                </TD>
                <TD>
                  <Badge variant={statusVariant[p.status]}>{programStatusLabels[p.status]}</Badge>
                </TD>
                <TD className="whitespace-nowrap">{whenLabel(p.updatedAt)}</TD>
                <TD>
                  <ProgramStatusActions id={p.id} version={p.version} status={p.status} title={p.title} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  )
}
