import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { Button, buttonVariants } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { getRevisionContent, getRoleForEdit, listRevisions } from '@/lib/roles/admin-data'
import { diffRoleContent } from '@/lib/roles/schema'
import { FieldComparison } from '../_components/field-comparison'
import { RestoreRevisionButton } from '../_components/restore-revision-button'
import { RoleStatusBadges } from '../_components/status-badges'

export const metadata: Metadata = { title: 'Role revisions' }

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
const stamp = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const actionLabels: Record<string, string> = { create: 'Created', save: 'Saved', publish: 'Published', restore: 'Restored', unpublish: 'Unpublished', archive: 'Archived' }

export default async function RoleRevisionsPage({ params, searchParams }: Props) {
  const { id } = await params
  await requireStaffPage(`/admin/roles/${id}/revisions`)
  const role = await getRoleForEdit(id)
  if (!role) notFound()
  const [revisions, query] = await Promise.all([listRevisions(id), searchParams])
  const byId = new Map(revisions.map((r) => [r.id, r]))
  const a = byId.get(first(query.a))
  const b = byId.get(first(query.b))
  const [before, after] = a && b ? await Promise.all([getRevisionContent(id, a.id), getRevisionContent(id, b.id)]) : [null, null]
  const changes = before && after ? diffRoleContent(before, after) : null
  const label = (r: (typeof revisions)[number]) => `Version ${r.version} · ${actionLabels[r.action] ?? r.action} · ${stamp.format(r.createdAt)} UTC`
  // The form starts at "the one before the newest" against "the newest".
  const defaultA = a?.id ?? revisions[1]?.id ?? revisions[0]?.id
  const defaultB = b?.id ?? revisions[0]?.id

  return (
    <>
      <PageHeader
        title={`Revisions of ${role.content.title}`}
        crumbs={[
          { href: '/admin/roles', label: 'Roles' },
          { href: `/admin/roles/${id}`, label: role.content.title },
          { href: `/admin/roles/${id}/revisions`, label: 'Revisions' },
        ]}
        actions={
          <Link href={`/admin/roles/${id}`} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            Back to the editor
          </Link>
        }
      />
      <div className="-mt-3 mb-6 flex flex-wrap items-center gap-3 text-sm text-ink-700">
        <RoleStatusBadges status={role.status} hasDraft={role.hasDraft} trashed={role.trashed} />
        <span>Current version {role.version}.</span>
      </div>

      {revisions.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">No revisions yet: every save, publish and restore adds one.</p>
      ) : (
        <div className="flex flex-col gap-8">
          <section aria-labelledby="compare-heading" className="rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6">
            <h2 id="compare-heading" className="text-lg font-semibold text-ink-950">
              Compare two versions
            </h2>
            <form method="get" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_auto] lg:items-end">
              <FormField id="revision-a" label="From">
                <Select id="revision-a" name="a" defaultValue={defaultA}>
                  {revisions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {label(r)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <FormField id="revision-b" label="To">
                <Select id="revision-b" name="b" defaultValue={defaultB}>
                  {revisions.map((r) => (
                    <option key={r.id} value={r.id}>
                      {label(r)}
                    </option>
                  ))}
                </Select>
              </FormField>
              <Button type="submit">Compare</Button>
            </form>
            {a && b && (
              <div className="mt-6">
                <h3 className="text-base font-semibold text-ink-950">
                  Changes from version {a.version} to version {b.version}
                </h3>
                {!changes ? (
                  <p className="mt-2 text-sm text-ink-700">One of these revisions could not be read.</p>
                ) : changes.length === 0 ? (
                  <p className="mt-2 text-sm text-ink-700">These two versions have the same content.</p>
                ) : (
                  <FieldComparison changes={changes} beforeLabel={`Version ${a.version}`} afterLabel={`Version ${b.version}`} className="mt-3" />
                )}
              </div>
            )}
          </section>

          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-3 text-lg font-semibold text-ink-950">
              History
            </h2>
            {/* relative: the visually hidden texts (position: absolute) stay inside the sideways scroller on phones */}
            <Table caption="Revisions, newest first" hideCaption wrapperClassName="relative">
              <THead>
                <TR>
                  <TH>Version</TH>
                  <TH>Action</TH>
                  <TH>Author</TH>
                  <TH>Date</TH>
                  <TH>
                    <span className="sr-only">Restore</span>
                  </TH>
                </TR>
              </THead>
              <TBody>
                {revisions.map((r) => (
                  <TR key={r.id}>
                    <TH scope="row">{r.version}</TH>
                    <TD>
                      <span className="flex flex-wrap items-center gap-2">
                        {actionLabels[r.action] ?? r.action}
                        {r.published && <Badge variant="success">Published</Badge>}
                      </span>
                    </TD>
                    <TD>{r.author ?? 'Unknown'}</TD>
                    <TD className="whitespace-nowrap">{stamp.format(r.createdAt)} UTC</TD>
                    <TD>
                      {r.version === role.version ? (
                        <span className="text-sm text-ink-600">Current</span>
                      ) : (
                        <RestoreRevisionButton roleId={id} expectedVersion={role.version} revisionId={r.id} version={r.version} />
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </section>
        </div>
      )}
    </>
  )
}
