import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { AlertSettingsForm } from '@/components/dashboard/alert-settings-form'
import { UnsaveButton } from '@/components/dashboard/unsave-button'
import { buttonVariants } from '@/components/ui/button'
import { getCurrentUser } from '@/lib/auth/session'
import { getDashboard } from '@/lib/profile/data'
import { formatPercent } from '@/lib/roles/format'

export const metadata: Metadata = { title: 'Your dashboard', robots: { index: false } }

function Panel({ id, title, children, action }: { id: string; title: string; children: React.ReactNode; action?: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-ink-200 bg-white p-6 shadow-xs">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-ink-950">
          {title}
        </h2>
        {action}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  )
}

export default async function DashboardPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login?callbackUrl=/dashboard')
  const dashboard = await getDashboard(user)
  const editLink = (
    <Link href="/dashboard/profile" className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
      Edit profile
    </Link>
  )
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-ink-950 sm:text-3xl">Hello, {dashboard.name}</h1>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel id="targets" title="Your target roles and skill gap" action={editLink}>
            {dashboard.targets.length === 0 ? (
              <p className="text-ink-700">
                Choose up to five target roles in your <Link href="/dashboard/profile" className="font-semibold text-brand-700 underline">profile</Link> to see which skills you have and which to learn next.
              </p>
            ) : (
              <ul className="space-y-5">
                {dashboard.targets.map((t) => (
                  <li key={t.slug} className="rounded-xl border border-ink-100 p-4">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h3 className="font-semibold text-ink-950">
                        <Link href={`/roles/${t.slug}`} className="underline-offset-4 hover:underline">
                          {t.title}
                        </Link>
                      </h3>
                      <p className="text-sm font-semibold text-ink-800">
                        {t.have} of {t.total} skills
                      </p>
                    </div>
                    <div className="mt-2 h-2 rounded-full bg-ink-100" aria-hidden="true">
                      <div className="h-2 rounded-full bg-brand-600" style={{ width: `${t.total ? Math.round((t.have / t.total) * 100) : 0}%` }} />
                    </div>
                    {t.missing.length > 0 ? (
                      <>
                        <p className="mt-3 text-sm text-ink-700">Skills to learn next, most asked for first:</p>
                        <ul className="mt-2 flex flex-wrap gap-2">
                          {t.missing.map((s) => (
                            <li key={s.slug}>
                              <Link href={`/roles/${t.slug}#in-demand-skills`} className="inline-block rounded-full border border-ink-200 px-3 py-1 text-sm text-ink-800 hover:border-brand-400">
                                {s.name} <span className="text-ink-600">· {formatPercent(s.sharePct)} of postings</span>
                              </Link>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      t.total > 0 && <p className="mt-3 text-sm text-success-800">You have every listed skill for this role.</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Panel>

          <Panel id="recommended" title="Recommended roles">
            {dashboard.recommendations.length === 0 ? (
              <p className="text-ink-700">Add your skills to your profile and we will suggest roles that fit them.</p>
            ) : (
              <ul className="divide-y divide-ink-100">
                {dashboard.recommendations.map((r) => (
                  <li key={r.slug} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                    <div>
                      <Link href={`/roles/${r.slug}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                        {r.title}
                      </Link>
                      <span className="ml-2 text-sm text-ink-600">{r.category}</span>
                    </div>
                    <p className="text-sm text-ink-700">
                      You have {r.haveTop} of its top {r.top} skills
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Panel>

          <Panel id="saved" title="Saved roles">
            {dashboard.saved.length === 0 ? (
              <p className="text-ink-700">
                Save roles from their pages to keep them here. <Link href="/roles" className="font-semibold text-brand-700 underline">Browse roles</Link>
              </p>
            ) : (
              <ul className="divide-y divide-ink-100">
                {dashboard.saved.map((s) => (
                  <li key={s.slug} className="flex items-baseline justify-between gap-3 py-3">
                    <div>
                      <Link href={`/roles/${s.slug}`} className="font-semibold text-brand-700 underline-offset-4 hover:underline">
                        {s.title}
                      </Link>
                      <span className="ml-2 text-sm text-ink-600">{s.category}</span>
                    </div>
                    <UnsaveButton slug={s.slug} title={s.title} />
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel id="completeness" title="Profile completeness">
            <p className="text-3xl font-bold text-ink-950">{dashboard.completeness.percent}%</p>
            <div className="mt-2 h-2 rounded-full bg-ink-100" role="progressbar" aria-label="Profile completeness" aria-valuenow={dashboard.completeness.percent} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-2 rounded-full bg-success-600" style={{ width: `${dashboard.completeness.percent}%` }} />
            </div>
            {dashboard.completeness.missing.length > 0 ? (
              <>
                <p className="mt-4 text-sm text-ink-700">Still missing:</p>
                <ul className="mt-1 list-disc pl-5 text-sm text-ink-800">
                  {dashboard.completeness.missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
                <Link href="/dashboard/profile" className={buttonVariants({ size: 'sm', className: 'mt-4' })}>
                  Complete your profile
                </Link>
              </>
            ) : (
              <p className="mt-3 text-sm text-success-800">Your profile is complete.</p>
            )}
          </Panel>
          <Panel id="alerts" title="Opportunity alerts">
            <AlertSettingsForm initial={dashboard.alerts} />
          </Panel>
        </div>
      </div>
    </div>
  )
}
