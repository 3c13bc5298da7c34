import type { Metadata } from 'next'
import Link from 'next/link'
import { Pagination } from '@/components/roles/pagination'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { controlClasses } from '@/components/ui/input'
import { requireStaffPage } from '@/lib/auth/staff'
import { adminRoleSorts, listCategoryOptions, listRolesForAdmin } from '@/lib/roles/admin-data'
import { cn } from '@/lib/utils'
import { PageHeader } from '../_components/page-header'

export const metadata: Metadata = { title: 'Roles' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''

const statusBadge = { published: 'success', draft: 'neutral', archived: 'warning' } as const

export default async function AdminRolesPage({ searchParams }: Props) {
  await requireStaffPage('/admin/roles')
  const params = await searchParams
  const q = first(params.q).slice(0, 100)
  const status = first(params.status)
  const category = first(params.category)
  const sort = (adminRoleSorts as readonly string[]).includes(first(params.sort)) ? (first(params.sort) as (typeof adminRoleSorts)[number]) : 'updated'
  const trash = first(params.view) === 'trash'
  const page = Math.min(10_000, Math.max(1, Number.parseInt(first(params.page), 10) || 1))
  const [categories, list] = await Promise.all([listCategoryOptions(), listRolesForAdmin({ q, status, category, sort, trash, page })])
  const href = (p: number) => {
    const s = new URLSearchParams({ ...(q && { q }), ...(status && { status }), ...(category && { category }), ...(sort !== 'updated' && { sort }), ...(trash && { view: 'trash' }), ...(p > 1 && { page: String(p) }) })
    return `/admin/roles${s.size ? `?${s}` : ''}`
  }

  return (
    <>
      <PageHeader
        title={trash ? 'Roles in the trash' : 'Roles'}
        crumbs={[{ href: '/admin/roles', label: 'Roles' }]}
        actions={
          <>
            <Link href={trash ? '/admin/roles' : '/admin/roles?view=trash'} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
              {trash ? 'Back to roles' : 'Trash'}
            </Link>
            <Link href="/admin/roles/new" className={buttonVariants({ size: 'sm' })}>
              New role
            </Link>
          </>
        }
      />
      <form method="get" className="grid gap-3 rounded-xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        {trash && <input type="hidden" name="view" value="trash" />}
        <div>
          <label htmlFor="roles-q" className="block text-sm font-medium text-ink-800">Search title or address</label>
          <input id="roles-q" name="q" type="search" defaultValue={q} className={cn(controlClasses, 'mt-1')} />
        </div>
        <div>
          <label htmlFor="roles-status" className="block text-sm font-medium text-ink-800">Status</label>
          <select id="roles-status" name="status" defaultValue={status} className={cn(controlClasses, 'mt-1')}>
            <option value="">Any status</option>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="archived">Archived</option>
          </select>
        </div>
        <div>
          <label htmlFor="roles-category" className="block text-sm font-medium text-ink-800">Category</label>
          <select id="roles-category" name="category" defaultValue={category} className={cn(controlClasses, 'mt-1')}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>{c.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="roles-sort" className="block text-sm font-medium text-ink-800">Sort by</label>
          <select id="roles-sort" name="sort" defaultValue={sort} className={cn(controlClasses, 'mt-1')}>
            <option value="updated">Recently updated</option>
            <option value="title">Title</option>
            <option value="status">Status</option>
          </select>
        </div>
        <button type="submit" className={buttonVariants()}>Filter</button>
      </form>
      <p className="mt-4 text-sm text-ink-700" aria-live="polite">{list.total === 1 ? '1 role' : `${list.total} roles`}</p>
      <div className="mt-2 overflow-x-auto rounded-xl border border-ink-200 bg-white">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Roles</caption>
          <thead className="border-b border-ink-200 bg-ink-50 text-ink-700">
            <tr>
              <th scope="col" className="p-3 font-semibold">Title</th>
              <th scope="col" className="p-3 font-semibold">Category</th>
              <th scope="col" className="p-3 font-semibold">Status</th>
              <th scope="col" className="p-3 font-semibold">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-ink-100 last:border-0">
                <td className="p-3">
                  <Link href={`/admin/roles/${r.id}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">{r.title}</Link>
                  <span className="block text-xs text-ink-600">/roles/{r.slug}</span>
                </td>
                <td className="p-3 text-ink-800">{r.category}</td>
                <td className="p-3">
                  <Badge variant={statusBadge[r.status as keyof typeof statusBadge] ?? 'neutral'}>{r.status}</Badge>
                  {r.hasDraft && <Badge variant="brand" className="ml-2">unpublished changes</Badge>}
                </td>
                <td className="p-3 text-ink-700">{new Date(r.updatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</td>
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={4} className="p-6 text-center text-ink-700">No roles match.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={list.pageCount} href={href} />
    </>
  )
}
