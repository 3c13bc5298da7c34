import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listTrashedPrograms } from '@/lib/programs/admin-data'
import { programFormatLabels } from '@/lib/programs/schema'
import { whenLabel } from '../_components/labels'
import { ProgramTrashActions } from '../_components/trash-actions'

export const metadata: Metadata = { title: 'Programs in the trash' }

export default async function ProgramTrashPage() {
  const user = await requireStaffPage('/admin/programs/trash')
  const rows = await listTrashedPrograms()
  return (
    <>
      <PageHeader title="Programs in the trash" crumbs={[{ href: '/admin/programs', label: 'Programs' }]} />
      <p className="mb-4 text-sm text-ink-700">
        Restored programs come back as drafts. A program in the trash keeps its web address until it is deleted permanently.{' '}
        {user.role === 'admin' ? 'Deleting permanently cannot be undone.' : 'Only admins can delete permanently.'}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">
          The trash is empty. <Link href="/admin/programs" className="font-semibold text-brand-700 underline underline-offset-4">Back to the programs</Link>
        </p>
      ) : (
        <Table caption={`${rows.length} in the trash`}>
          <THead>
            <TR>
              <TH>Title</TH>
              <TH>Format</TH>
              <TH>Moved to the trash</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((p) => (
              <TR key={p.id}>
                <TD className="min-w-48 font-medium text-ink-900">
                  {p.title}
                  <span className="block text-xs font-normal text-ink-600">/programs/{p.slug}</span>
                </TD>
                <TD>{programFormatLabels[p.format]}</TD>
                <TD className="whitespace-nowrap">{p.deletedAt ? whenLabel(p.deletedAt) : ''}</TD>
                <TD>
                  <ProgramTrashActions id={p.id} title={p.title} canPurge={user.role === 'admin'} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  )
}
