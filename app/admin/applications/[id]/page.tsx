import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { getApplicationForReview, type ApplicationReviewDto } from '@/lib/applications/admin-data'
import { statusLabels } from '@/lib/applications/status'
import { requireStaffPage } from '@/lib/auth/staff'
import { userRoleLabels } from '@/lib/users/schema'
import { countryName, dateTimeLabel, offerLabels, statusVariant } from '../_components/labels'
import { NoteForm } from '../_components/note-form'
import { ReviewActions } from '../_components/review-actions'
import { ScoreForm } from '../_components/score-form'

export const metadata: Metadata = { title: 'Trainer application' }

function Panel({ id, title, children, className }: { id: string; title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={`rounded-2xl border border-ink-200 bg-white p-5 sm:p-6 ${className ?? ''}`}>
      <h2 id={id} className="text-lg font-semibold text-ink-950">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  )
}

/** Free text as typed: paragraphs and line breaks kept, long words wrapped. */
function Prose({ text }: { text: string }) {
  return <p className="leading-7 whitespace-pre-line text-ink-800 [overflow-wrap:anywhere]">{text}</p>
}

function Answers({ a }: { a: ApplicationReviewDto }) {
  const rows: [string, React.ReactNode][] = [
    ['Email', <a key="e" href={`mailto:${a.email}`} className="break-all text-brand-700 underline underline-offset-4">{a.email}</a>],
    ['Country', countryName(a.country)],
    ['Languages', a.languages.join(', ') || '—'],
    ['Offers', a.offers.map((o) => offerLabels[o] ?? o).join(', ')],
    ['Years of experience', String(a.yearsExperience)],
    ['Skills', a.skills.length ? a.skills.map((s) => s.name).join(', ') : 'None given'],
    ['Prepares people for', a.roles.length ? a.roles.map((r) => r.title).join(', ') : 'None given'],
    [
      'LinkedIn',
      a.linkedinUrl ? (
        <a key="l" href={a.linkedinUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline underline-offset-4">
          {a.linkedinUrl}
        </a>
      ) : (
        '—'
      ),
    ],
    [
      'Website',
      a.websiteUrl ? (
        <a key="w" href={a.websiteUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline underline-offset-4">
          {a.websiteUrl}
        </a>
      ) : (
        '—'
      ),
    ],
  ]
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-medium text-ink-600">{label}</dt>
          <dd className="text-ink-900 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export default async function ApplicationReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  await requireStaffPage(`/admin/applications/${encodeURIComponent(id)}`, ['admin'])
  const a = await getApplicationForReview(id)
  if (!a) notFound()

  return (
    <>
      <PageHeader title={a.fullName} crumbs={[{ href: '/admin/applications', label: 'Applications' }]} />
      <p className="mb-6 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-ink-700">
        <Badge variant={statusVariant[a.status]}>{statusLabels[a.status]}</Badge>
        <span>
          Submitted <time dateTime={a.submittedAt}>{dateTimeLabel.format(new Date(a.submittedAt))}</time> UTC
        </span>
        {a.decidedAt ? (
          <span>
            Decided <time dateTime={a.decidedAt}>{dateTimeLabel.format(new Date(a.decidedAt))}</time> UTC
          </span>
        ) : null}
        {a.applicant ? <span>Account: {userRoleLabels[a.applicant.role]}</span> : <span>Account deleted</span>}
      </p>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
        <div className="grid gap-6 lg:col-start-1 lg:row-start-1">
          <section aria-labelledby="headline-heading" className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
            <h2 id="headline-heading" className="sr-only">
              Headline
            </h2>
            <p className="text-xl font-semibold text-ink-950 [overflow-wrap:anywhere]">{a.headline}</p>
          </section>
          <Panel id="answers-heading" title="About the applicant">
            <Answers a={a} />
          </Panel>
          <Panel id="bio-heading" title="Bio">
            <Prose text={a.bio} />
          </Panel>
          <Panel id="motivation-heading" title="Motivation">
            <Prose text={a.motivation} />
          </Panel>
          <Panel id="availability-heading" title="Availability">
            <Prose text={a.availability} />
          </Panel>
          <Panel id="notes-heading" title="Reviewer notes">
            <NoteForm id={a.id} />
            {a.notes.length === 0 ? (
              <p className="mt-5 text-sm text-ink-700">No notes yet.</p>
            ) : (
              <ul className="mt-5 grid gap-3" aria-label="Notes, newest first">
                {a.notes.map((n) => (
                  <li key={n.id} className="rounded-lg bg-ink-50 p-4">
                    <p className="text-xs text-ink-600">
                      {n.author ? n.author.name : 'Deleted user'} · <time dateTime={n.at}>{dateTimeLabel.format(new Date(n.at))}</time> UTC
                    </p>
                    <div className="mt-1">
                      <Prose text={n.body} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </div>

        {/* On a phone the status and the CV come first; on a wide screen this is the right column. */}
        <div className="order-first grid gap-6 lg:order-none lg:col-start-2 lg:row-start-1">
          <Panel id="decision-heading" title="Status">
            <ReviewActions id={a.id} version={a.version} nextStatuses={a.nextStatuses} name={a.fullName} />
          </Panel>
          <Panel id="cv-heading" title="CV">
            {a.cvFileName ? (
              <>
                <a href={`/api/admin/applications/${a.id}/cv`} download className={buttonVariants({ variant: 'outline' })}>
                  Download CV<span className="sr-only"> of {a.fullName}</span>
                </a>
                <p className="mt-2 text-sm break-all text-ink-600">{a.cvFileName} (PDF)</p>
              </>
            ) : (
              <p className="text-sm text-ink-700">No CV was uploaded.</p>
            )}
          </Panel>
          <Panel id="score-heading" title="Scores">
            {a.scores.average ? (
              <dl className="mb-5 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-2">
                {(
                  [
                    ['Expertise', a.scores.average.expertise],
                    ['Communication', a.scores.average.communication],
                    ['Fit', a.scores.average.fit],
                    ['Overall', a.scores.average.overall],
                  ] as const
                ).map(([label, value]) => (
                  <div key={label} className="rounded-lg bg-ink-50 p-3">
                    <dt className="text-ink-600">{label}</dt>
                    <dd className="text-lg font-semibold text-ink-950 tabular-nums">{value.toFixed(1)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <p className="mb-4 text-sm text-ink-700">
              {a.scores.reviewers === 0 ? 'No scores yet.' : `Average of ${a.scores.reviewers === 1 ? '1 reviewer' : `${a.scores.reviewers} reviewers`}, from 1 to 5.`}
            </p>
            <h3 className="mb-3 font-semibold text-ink-900">Your score</h3>
            <ScoreForm id={a.id} mine={a.scores.mine} />
          </Panel>
          <Panel id="timeline-heading" title="Timeline">
            <ol className="grid gap-4 border-l-2 border-ink-200 pl-4">
              {a.events.map((e) => (
                <li key={e.id} className="relative">
                  <span aria-hidden="true" className="absolute top-1.5 -left-[1.4rem] size-2.5 rounded-full bg-brand-600" />
                  <p className="font-medium text-ink-900">
                    {e.from ? `${statusLabels[e.from]} → ${statusLabels[e.to]}` : statusLabels[e.to]}
                  </p>
                  <p className="text-sm text-ink-600">
                    <time dateTime={e.at}>{dateTimeLabel.format(new Date(e.at))}</time> UTC ·{' '}
                    {e.byApplicant ? 'by the applicant' : e.actor ? `by ${e.actor.name}` : 'by a deleted user'}
                  </p>
                </li>
              ))}
            </ol>
          </Panel>
        </div>
      </div>
      <p className="mt-8">
        <Link href="/admin/applications" className="font-medium text-brand-700 underline-offset-4 hover:underline">
          Back to all applications
        </Link>
      </p>
    </>
  )
}
