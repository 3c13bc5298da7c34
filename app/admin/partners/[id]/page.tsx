import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requireStaffPage } from '@/lib/auth/staff'
import { getPartnerForEdit } from '@/lib/partners/admin-data'
import { PageHeader } from '../../_components/page-header'
import { PartnerForm } from '../_components/partner-form'

export const metadata: Metadata = { title: 'Edit partner' }

export default async function EditPartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await requireStaffPage(`/admin/partners/${encodeURIComponent(id)}`)
  const partner = await getPartnerForEdit(id)
  if (!partner) notFound()
  const crumbs = [
    { href: '/admin/partners', label: 'Partners' },
    { href: `/admin/partners/${partner.id}`, label: partner.name },
  ]
  if (partner.trashed) {
    return (
      <>
        <PageHeader title={`Edit ${partner.name}`} crumbs={crumbs} />
        <p className="rounded-2xl border border-warning-200 bg-warning-50 p-5 text-warning-800">
          This partner is in the trash. <Link href="/admin/partners?view=trash" className="font-semibold underline underline-offset-4">Restore it from the trash</Link> to edit it.
        </p>
      </>
    )
  }
  return (
    <>
      <PageHeader title={`Edit ${partner.name}`} crumbs={crumbs} />
      <PartnerForm
        key={`${partner.id}:${partner.version}`}
        initial={{ id: partner.id, version: partner.version, name: partner.name, websiteUrl: partner.websiteUrl, visible: partner.visible, logo: partner.logo }}
      />
    </>
  )
}
