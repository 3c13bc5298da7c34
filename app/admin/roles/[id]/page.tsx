import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { PageHeader } from '@/app/admin/_components/page-header'
import { buttonVariants } from '@/components/ui/button'
import { requireStaffPage } from '@/lib/auth/staff'
import { getRoleForEdit, listCategoryOptions } from '@/lib/roles/admin-data'
import { RoleEditor } from './_components/role-editor'
import { RoleStatusBadges } from './_components/status-badges'

type Props = { params: Promise<{ id: string }> }

// One read per request for the metadata and the page.
const loadRole = cache((id: string) => getRoleForEdit(id))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params
  await requireStaffPage(`/admin/roles/${id}`)
  const role = await loadRole(id)
  return { title: role ? `Edit ${role.content.title}` : 'Role not found' }
}

export default async function EditRolePage({ params }: Props) {
  const { id } = await params
  const user = await requireStaffPage(`/admin/roles/${id}`)
  const [role, categories] = await Promise.all([loadRole(id), listCategoryOptions()])
  if (!role) notFound()

  return (
    <>
      <PageHeader
        title={role.content.title}
        crumbs={[
          { href: '/admin/roles', label: 'Roles' },
          { href: `/admin/roles/${role.id}`, label: 'Edit' },
        ]}
        actions={
          <>
            <Link href={`/admin/roles/${role.id}/revisions`} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
              Revisions
            </Link>
            {role.publishedSlug && (
              <Link href={`/roles/${role.publishedSlug}`} className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
                View public page
              </Link>
            )}
          </>
        }
      />
      <div className="-mt-3 mb-6">
        <RoleStatusBadges status={role.status} hasDraft={role.hasDraft} trashed={role.trashed} />
      </div>
      <RoleEditor
        key={role.id}
        id={role.id}
        initial={role.content}
        version={role.version}
        status={role.status}
        hasDraft={role.hasDraft}
        trashed={role.trashed}
        canPurge={user.role === 'admin'}
        categories={categories}
      />
    </>
  )
}
