import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { ApplicationStatusBadge } from '@/components/trainers/apply/status-badge'
import { buttonVariants } from '@/components/ui/button'
import { formatDay, getMyEligibility, listMyApplications } from '@/lib/applications/data'
import { statusLabels } from '@/lib/applications/status'
import { getCurrentUser } from '@/lib/auth/session'

export const metadata: Metadata = { title: 'Your applications', robots: { index: false } }

export default async function ApplicationsPage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login?callbackUrl=/dashboard/applications')
  const [applications, eligibility] = await Promise.all([listMyApplications(user), getMyEligibility(user)])

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink-950 sm:text-3xl">Your applications</h1>
        {applications.length > 0 && eligibility.canApply && (
          <Link href="/trainers/apply" className={buttonVariants({ variant: 'outline' })}>
            Apply again
          </Link>
        )}
      </div>
      {applications.length === 0 ? (
        <section aria-labelledby="empty-heading" className="rounded-2xl border border-ink-200 bg-white p-8 text-center shadow-xs">
          <h2 id="empty-heading" className="text-lg font-semibold text-ink-950">
            You have not applied to teach with SkillsU yet
          </h2>
          <p className="mx-auto mt-2 max-w-xl text-ink-700">Trainers, coaches and consultants join our network to help people learn the skills employers ask for. It takes about ten minutes.</p>
          <div className="mt-6 flex flex-col justify-center gap-3 sm:flex-row">
            <Link href="/trainers/apply" className={buttonVariants()}>
              Apply to join
            </Link>
            <Link href="/trainers" className={buttonVariants({ variant: 'outline' })}>
              How it works
            </Link>
          </div>
        </section>
      ) : (
        <>
          {!eligibility.canApply && eligibility.reason === 'rejected' && <p className="text-ink-700">You can apply again on {formatDay(eligibility.reapplyOn)}.</p>}
          <ul className="space-y-4" aria-label="Applications, newest first">
            {applications.map((a) => (
              <li key={a.id} className="rounded-2xl border border-ink-200 bg-white p-5 shadow-xs sm:p-6">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <h2 className="text-lg font-semibold break-words text-ink-950">
                      <Link href={`/dashboard/applications/${a.id}`} className="underline-offset-4 hover:underline">
                        {a.headline}
                      </Link>
                    </h2>
                    <p className="mt-1 text-sm text-ink-700">
                      Submitted on <time dateTime={a.submittedAt}>{formatDay(a.submittedAt)}</time>
                      {a.decidedAt && (
                        <>
                          {' · '}
                          {statusLabels[a.status]} on <time dateTime={a.decidedAt}>{formatDay(a.decidedAt)}</time>
                        </>
                      )}
                    </p>
                  </div>
                  <ApplicationStatusBadge status={a.status} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
