import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { ApplicationStatusBadge } from '@/components/trainers/apply/status-badge'
import { WithdrawButton } from '@/components/trainers/apply/withdraw-button'
import { buttonVariants } from '@/components/ui/button'
import { formatDay, getMyApplication, type MyApplicationDto, type TimelineStep } from '@/lib/applications/data'
import { countryName, offerLabels } from '@/lib/applications/schema'
import { statusLabels } from '@/lib/applications/status'
import { getCurrentUser } from '@/lib/auth/session'
import { cn } from '@/lib/utils'

export const metadata: Metadata = { title: 'Your application', robots: { index: false } }

type Props = { params: Promise<{ id: string }> }

function stepTitle(step: TimelineStep) {
  if (step.key !== 'decision' || !step.outcome) return step.label
  return step.outcome === 'withdrawn' ? 'Withdrawn' : `Decision: ${statusLabels[step.outcome]}`
}

/** The step the application is at now: the last one reached, while it is open. */
function currentStepKey(a: MyApplicationDto) {
  if (!a.open) return 'decision'
  return [...a.timeline].reverse().find((s) => s.reachedAt)?.key ?? 'submitted'
}

function Timeline({ application }: { application: MyApplicationDto }) {
  const current = currentStepKey(application)
  return (
    <ol className="relative space-y-0" aria-label="Application timeline">
      {application.timeline.map((step, i) => {
        const reached = !!step.reachedAt
        const last = i === application.timeline.length - 1
        const negative = step.outcome === 'rejected' || step.outcome === 'withdrawn'
        return (
          <li key={step.key} aria-current={step.key === current ? 'step' : undefined} className="relative flex gap-4 pb-8 last:pb-0">
            {!last && <span aria-hidden="true" className={cn('absolute top-9 left-[1.0625rem] h-[calc(100%-2.25rem)] w-0.5', reached && application.timeline[i + 1]?.reachedAt ? 'bg-brand-600' : 'bg-ink-200')} />}
            <span
              aria-hidden="true"
              className={cn(
                'relative grid size-9 shrink-0 place-items-center rounded-full border-2 text-sm font-bold',
                reached ? (negative ? 'border-ink-500 bg-ink-500 text-white' : step.outcome === 'accepted' ? 'border-success-600 bg-success-600 text-white' : 'border-brand-600 bg-brand-600 text-white') : 'border-ink-300 bg-white text-ink-500',
              )}
            >
              {reached ? (
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-4">
                  <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
                </svg>
              ) : (
                i + 1
              )}
            </span>
            <div className="pt-1.5">
              <h3 className={cn('font-semibold', reached ? 'text-ink-950' : 'text-ink-600')}>{stepTitle(step)}</h3>
              <p className="text-sm text-ink-700">
                {step.reachedAt ? <time dateTime={step.reachedAt}>{formatDay(step.reachedAt)}</time> : application.open ? 'Not yet' : 'Skipped'}
              </p>
            </div>
          </li>
        )
      })}
    </ol>
  )
}

function Answers({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="border-b border-ink-100 pb-2 text-base font-semibold text-ink-950">{title}</h3>
      <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">{children}</dl>
    </section>
  )
}

function Answer({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-ink-600">{term}</dt>
      <dd className="break-words whitespace-pre-line text-ink-900">{children}</dd>
    </>
  )
}

export default async function ApplicationPage({ params }: Props) {
  const { id } = await params
  const user = await getCurrentUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/dashboard/applications/${id}`)}`)
  const a = await getMyApplication(user, id)
  if (!a) notFound()

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/dashboard/applications" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          All your applications
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-ink-950 sm:text-3xl">Your application</h1>
          <p className="mt-1 text-ink-700">
            To join the trainer network · submitted on <time dateTime={a.submittedAt}>{formatDay(a.submittedAt)}</time>
          </p>
        </div>
        <p className="flex items-center gap-2 text-sm text-ink-700">
          Status: <ApplicationStatusBadge status={a.status} />
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="timeline-heading" className="rounded-2xl border border-ink-200 bg-white p-6 shadow-xs lg:col-span-1 lg:self-start">
          <h2 id="timeline-heading" className="text-lg font-semibold text-ink-950">
            Timeline
          </h2>
          <div className="mt-5">
            <Timeline application={a} />
          </div>
          <div className="mt-6 border-t border-ink-100 pt-5 text-sm text-ink-700">
            {a.open && (
              <>
                <p>We screen every application, invite a match to a short interview, then decide. We email you at each step.</p>
                <div className="mt-4">
                  <WithdrawButton id={a.id} version={a.version} />
                </div>
              </>
            )}
            {a.status === 'accepted' && <p className="text-success-800">Welcome to the SkillsU trainer network! Your trainer card shows on the role pages that match your skills.</p>}
            {a.status === 'rejected' && (a.reapplyOn ? <p>You can apply again on {formatDay(a.reapplyOn)}.</p> : <ApplyAgain text="You can apply again now." />)}
            {a.status === 'withdrawn' && <ApplyAgain text="You withdrew this application. You can apply again whenever you are ready." />}
          </div>
        </section>

        <section aria-labelledby="answers-heading" className="space-y-6 rounded-2xl border border-ink-200 bg-white p-6 shadow-xs lg:col-span-2">
          <h2 id="answers-heading" className="text-lg font-semibold text-ink-950">
            Your answers
          </h2>
          <Answers title="About you">
            <Answer term="Full name">{a.fullName}</Answer>
            <Answer term="Email">{a.email}</Answer>
            <Answer term="Country">{countryName(a.country)}</Answer>
            <Answer term="Languages">{a.languages.join(', ')}</Answer>
          </Answers>
          <Answers title="Expertise">
            <Answer term="What you offer">{a.offers.map((o) => offerLabels[o as keyof typeof offerLabels] ?? o).join(', ')}</Answer>
            <Answer term="Skills">{a.skills.join(', ') || '—'}</Answer>
            <Answer term="Roles you prepare people for">{a.roles.map((r) => r.title).join(', ') || 'None chosen'}</Answer>
            <Answer term="Years of experience">{a.yearsExperience}</Answer>
          </Answers>
          <Answers title="Experience">
            <Answer term="Headline">{a.headline}</Answer>
            <Answer term="Short bio">{a.bio}</Answer>
            <Answer term="LinkedIn profile">{a.linkedinUrl ?? 'Not given'}</Answer>
            <Answer term="Website">{a.websiteUrl ?? 'Not given'}</Answer>
            <Answer term="CV">{a.cvFileName ?? 'No CV attached'}</Answer>
          </Answers>
          <Answers title="Motivation and availability">
            <Answer term="Motivation">{a.motivation}</Answer>
            <Answer term="Availability">{a.availability}</Answer>
          </Answers>
        </section>
      </div>
    </div>
  )
}

function ApplyAgain({ text }: { text: string }) {
  return (
    <>
      <p>{text}</p>
      <Link href="/trainers/apply" className={cn(buttonVariants({ variant: 'outline' }), 'mt-4')}>
        Apply again
      </Link>
    </>
  )
}
