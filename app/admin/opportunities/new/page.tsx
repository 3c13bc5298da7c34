import type { Metadata } from 'next'
import { PageHeader } from '@/app/admin/_components/page-header'
import { requireStaffPage } from '@/lib/auth/staff'
import { listOpportunityFormOptions } from '@/lib/opportunities/admin-data'
import { emptyOpportunity, OpportunityForm } from '../_components/opportunity-form'

export const metadata: Metadata = { title: 'New opportunity' }

export default async function NewOpportunityPage() {
  await requireStaffPage('/admin/opportunities/new')
  const options = await listOpportunityFormOptions()
  return (
    <>
      <PageHeader title="New opportunity" crumbs={[{ href: '/admin/opportunities', label: 'Opportunities' }]} />
      <p className="mb-4 text-sm text-ink-700">It is saved as a draft; publish it when it is ready to be listed and emailed.</p>
      <OpportunityForm initial={emptyOpportunity} options={options} />
    </>
  )
}
