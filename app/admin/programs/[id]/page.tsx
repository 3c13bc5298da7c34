import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { requireStaffPage } from '@/lib/auth/staff'
import { getProgramForEdit, listProgramFormOptions } from '@/lib/programs/admin-data'
import { programStatusLabels } from '@/lib/programs/schema'
import { statusVariant, whenLabel } from '../_components/labels'
import { ProgramForm } from '../_components/program-form'
import { ProgramStatusActions } from '../_components/status-actions'

export const metadata: Metadata = { title: 'Edit program' }

export default async function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await requireStaffPage(`/admin/programs/${encodeURIComponent(id)}`)
  const [item, options] = await Promise.all([getProgramForEdit(id), listProgramFormOptions()])
  if (!item) notFound()
  return (
    <>
      <PageHeader
        title={item.values.title}
        crumbs={[{ href: '/admin/programs', label: 'Programs' }]}
        actions={<ProgramStatusActions id={item.id} version={item.version} status={item.status} title={item.values.title} size="md" afterDelete="/admin/programs" />}
      />
      <p className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-700">
        <Badge variant={statusVariant[item.status]}>{programStatusLabels[item.status]}</Badge>
        {item.status === 'published' && (
          <Link href={`/programs/${item.values.slug}`} className="font-medium text-brand-700 underline underline-offset-4">
            View its page
          </Link>
        )}
        {item.publishedAt && <span>First published {whenLabel(item.publishedAt)}</span>}
        <span>
          Version {item.version}, saved {whenLabel(item.updatedAt)}
          {item.updatedBy ? ` by ${item.updatedBy}` : ''}
        </span>
      </p>
      <ProgramForm key={item.id} id={item.id} version={item.version} initial={item.values} options={options} />
    </>
  )
}
