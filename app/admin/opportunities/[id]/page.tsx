import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { requireStaffPage } from '@/lib/auth/staff'
import { getOpportunityForEdit, listOpportunityFormOptions } from '@/lib/opportunities/admin-data'
import { opportunityStatusLabels } from '@/lib/opportunities/schema'
import { OpportunityForm } from '../_components/opportunity-form'
import { OpportunityStatusActions } from '../_components/status-actions'
import { statusVariant, whenLabel } from '../_components/labels'

export const metadata: Metadata = { title: 'Edit opportunity' }

export default async function EditOpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await requireStaffPage(`/admin/opportunities/${encodeURIComponent(id)}`)
  const [item, options] = await Promise.all([getOpportunityForEdit(id), listOpportunityFormOptions()])
  if (!item) notFound()
  return (
    <>
      <PageHeader
        title={item.values.title}
        crumbs={[{ href: '/admin/opportunities', label: 'Opportunities' }]}
        actions={<OpportunityStatusActions id={item.id} version={item.version} status={item.status} title={item.values.title} size="md" afterDelete="/admin/opportunities" />}
      />
      <p className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-700">
        <Badge variant={statusVariant[item.status]}>{opportunityStatusLabels[item.status]}</Badge>
        {item.publishedAt && <span>Published {whenLabel(item.publishedAt)}</span>}
        <span>
          Version {item.version}, saved {whenLabel(item.updatedAt)}
          {item.updatedBy ? ` by ${item.updatedBy}` : ''}
        </span>
      </p>
      <OpportunityForm key={item.id} id={item.id} version={item.version} initial={item.values} options={options} />
    </>
  )
}
