import type { Metadata } from 'next'
import Link from 'next/link'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { listTrashedOpportunities } from '@/lib/opportunities/admin-data'
import { whenLabel } from '../_components/labels'
import { OpportunityTrashActions } from '../_components/trash-actions'

export const metadata: Metadata = { title: 'Opportunities in the trash' }

export default async function OpportunityTrashPage() {
  const user = await requireStaffPage('/admin/opportunities/trash')
  const rows = await listTrashedOpportunities()
  return (
    <>
      <PageHeader title="Opportunities in the trash" crumbs={[{ href: '/admin/opportunities', label: 'Opportunities' }]} />
      <p className="mb-4 text-sm text-ink-700">
        Restored opportunities come back as drafts.{' '}
        {user.role === 'admin' ? 'Deleting permanently cannot be undone.' : 'Only admins can delete permanently.'}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">
          The trash is empty. <Link href="/admin/opportunities" className="font-semibold text-brand-700 underline underline-offset-4">Back to the opportunities</Link>
        </p>
      ) : (
        <Table caption={`${rows.length} in the trash`}>
          <THead>
            <TR>
              <TH>Title</TH>
              <TH>Company</TH>
              <TH>Role</TH>
              <TH>Moved to the trash</TH>
              <TH>
                <span className="sr-only">Actions</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((o) => (
              <TR key={o.id}>
                <TD className="min-w-48 font-medium text-ink-900">{o.title}</TD>
                <TD>{o.company}</TD>
                <TD>{o.role ?? '—'}</TD>
                <TD className="whitespace-nowrap">{o.deletedAt ? whenLabel(o.deletedAt) : ''}</TD>
                <TD>
                  <OpportunityTrashActions id={o.id} title={o.title} canPurge={user.role === 'admin'} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  )
}
