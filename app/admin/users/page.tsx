import type { Metadata } from 'next'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { userRoleValues } from '@/db/schema/users'
import { requireStaffPage } from '@/lib/auth/staff'
import { listUsers } from '@/lib/users/data'
import { userListQuerySchema, userRoleLabels } from '@/lib/users/schema'
import { PageHeader } from '../_components/page-header'
import { Pager } from '../_components/pager'
import { UserActions } from './_components/user-actions'

export const metadata: Metadata = { title: 'Users' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const joined = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export default async function UsersPage({ searchParams }: Props) {
  const me = await requireStaffPage('/admin/users', ['admin'])
  const raw = await searchParams
  const query = userListQuerySchema.parse({ q: first(raw.q) ?? '', role: first(raw.role) || undefined, status: first(raw.status) || undefined, page: first(raw.page) ?? 1 })
  const list = await listUsers(query)
  const filtered = !!(query.q || query.role || query.status)

  return (
    <>
      <PageHeader title="Users" crumbs={[{ href: '/admin/users', label: 'Users' }]} />
      <form method="get" role="search" aria-label="Filter users" className="mb-6 grid gap-4 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto] lg:items-end">
        <FormField id="users-q" label="Name or email">
          <Input id="users-q" name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" />
        </FormField>
        <FormField id="users-role" label="Role">
          <Select id="users-role" name="role" defaultValue={query.role ?? ''}>
            <option value="">All roles</option>
            {userRoleValues.map((r) => (
              <option key={r} value={r}>
                {userRoleLabels[r]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="users-status" label="Status">
          <Select id="users-status" name="status" defaultValue={query.status ?? ''}>
            <option value="">Active and disabled</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
          </Select>
        </FormField>
        <div className="flex gap-2">
          <Button type="submit">Filter</Button>
          {filtered ? (
            <Link href="/admin/users" className={buttonVariants({ variant: 'ghost' })}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-ink-700" id="users-count">
        {list.total === 1 ? '1 user' : `${list.total} users`}
        {filtered ? ' match these filters' : ''}.
      </p>
      {list.users.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">No users match. Try another search or clear the filters.</p>
      ) : (
        <Table caption="Users, newest first" hideCaption wrapperClassName="relative">
          <THead>
            <TR>
              <TH>Name</TH>
              <TH>Email</TH>
              <TH>Status</TH>
              <TH>Joined</TH>
              <TH>Role and access</TH>
            </TR>
          </THead>
          <TBody>
            {list.users.map((u) => (
              <TR key={u.id}>
                <TH scope="row" className="font-medium">
                  {u.name}
                  {u.id === me.id ? <span className="ml-1 text-xs font-normal text-ink-600">(you)</span> : null}
                </TH>
                <TD className="break-all">
                  {u.email}
                  {u.emailVerified ? null : <span className="block text-xs text-ink-600">Not confirmed</span>}
                </TD>
                <TD>
                  {u.disabled ? <Badge variant="danger">Disabled</Badge> : <Badge variant="success">Active</Badge>}
                  <span className="mt-1 block text-xs text-ink-600">{u.totp ? 'Two-factor on' : 'Two-factor off'}</span>
                </TD>
                <TD className="whitespace-nowrap">{joined.format(new Date(u.createdAt))}</TD>
                <TD>
                  <UserActions user={{ id: u.id, name: u.name, role: u.role, disabled: u.disabled, totp: u.totp }} isSelf={u.id === me.id} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageCount={list.pageCount} basePath="/admin/users" label="Users pages" params={{ q: query.q, role: query.role, status: query.status }} />
    </>
  )
}
