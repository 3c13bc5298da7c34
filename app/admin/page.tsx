import type { Metadata } from 'next'
import Link from 'next/link'
import { requireStaffPage } from '@/lib/auth/staff'
import { getContentHealth, listRolesForAdmin } from '@/lib/roles/admin-data'
import { PageHeader } from './_components/page-header'

export const metadata: Metadata = { title: 'Overview' }

export default async function AdminHome() {
  await requireStaffPage('/admin')
  const [health, drafts, published] = await Promise.all([
    getContentHealth(),
    listRolesForAdmin({ status: 'draft', page: 1, pageSize: 1 }),
    listRolesForAdmin({ status: 'published', page: 1, pageSize: 1 }),
  ])
  const byRole = new Map<string, { id: string; title: string; issues: string[] }>()
  for (const row of health) {
    const entry = byRole.get(row.id) ?? { id: row.id, title: row.title, issues: [] }
    entry.issues.push(row.issue)
    byRole.set(row.id, entry)
  }
  return (
    <>
      <PageHeader title="Overview" />
      <dl className="grid gap-4 sm:grid-cols-3">
        {[
          ['Published roles', published.total, '/admin/roles?status=published'],
          ['Draft roles', drafts.total, '/admin/roles?status=draft'],
          ['Roles needing attention', byRole.size, '#health'],
        ].map(([label, value, href]) => (
          <div key={label as string} className="rounded-xl border border-ink-200 bg-white p-4">
            <dt className="text-sm text-ink-600">{label}</dt>
            <dd className="mt-1 text-2xl font-bold text-ink-950">
              <Link href={href as string} className="underline-offset-4 hover:underline">
                {value}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="health" className="mt-8 rounded-xl border border-ink-200 bg-white p-5">
        <h2 id="health" className="text-lg font-semibold text-ink-950">
          Content health
        </h2>
        {byRole.size === 0 ? (
          <p className="mt-3 text-ink-700">Every role has all its sections, reviewed figures, skills and related roles.</p>
        ) : (
          <ul className="mt-3 divide-y divide-ink-100">
            {[...byRole.values()].map((r) => (
              <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <Link href={`/admin/roles/${r.id}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                  {r.title}
                </Link>
                <span className="text-sm text-ink-700">{r.issues.join(' · ')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
