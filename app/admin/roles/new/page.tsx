import type { Metadata } from 'next'
import { PageHeader } from '@/app/admin/_components/page-header'
import { requireStaffPage } from '@/lib/auth/staff'
import { listCategoryOptions } from '@/lib/roles/admin-data'
import { emptyRoleContent } from '../[id]/_components/empty-role-content'
import { RoleEditor } from '../[id]/_components/role-editor'

export const metadata: Metadata = { title: 'New role' }

export default async function NewRolePage() {
  await requireStaffPage('/admin/roles/new')
  const categories = await listCategoryOptions()
  return (
    <>
      <PageHeader
        title="New role"
        crumbs={[
          { href: '/admin/roles', label: 'Roles' },
          { href: '/admin/roles/new', label: 'New' },
        ]}
      />
      <p className="-mt-3 mb-6 text-sm text-ink-700">The role is saved as a draft; publish it from the editor when it is ready.</p>
      <RoleEditor initial={emptyRoleContent} categories={categories} />
    </>
  )
}
