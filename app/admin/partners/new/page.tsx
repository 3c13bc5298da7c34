import type { Metadata } from 'next'
import { requireStaffPage } from '@/lib/auth/staff'
import { PageHeader } from '../../_components/page-header'
import { PartnerForm } from '../_components/partner-form'

export const metadata: Metadata = { title: 'Add a partner' }

export default async function NewPartnerPage() {
  await requireStaffPage('/admin/partners/new')
  return (
    <>
      <PageHeader
        title="Add a partner"
        crumbs={[
          { href: '/admin/partners', label: 'Partners' },
          { href: '/admin/partners/new', label: 'Add a partner' },
        ]}
      />
      <PartnerForm />
    </>
  )
}
