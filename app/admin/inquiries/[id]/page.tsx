import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Badge } from '@/components/ui/badge'
import { requireStaffPage } from '@/lib/auth/staff'
import { getInquiryForAdmin, listInquiryOwners } from '@/lib/inquiries/admin-data'
import { inquiryKindLabels, inquiryStatusLabels } from '@/lib/inquiries/schema'
import { PageHeader } from '../../_components/page-header'
import { dayFormat, kindBadge, receivedFormat, statusBadge } from '../_components/labels'
import { InquiryWorkflow } from '../_components/inquiry-workflow'

export const metadata: Metadata = { title: 'Inquiry' }

type Props = { params: Promise<{ id: string }> }

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-ink-600">{label}</dt>
      <dd className="break-words text-ink-900">{children}</dd>
    </div>
  )
}

export default async function InquiryPage({ params }: Props) {
  const { id } = await params
  const me = await requireStaffPage(`/admin/inquiries/${id}`, ['admin'])
  const [inquiry, owners] = await Promise.all([getInquiryForAdmin(id), listInquiryOwners()])
  if (!inquiry) notFound()

  return (
    <>
      <PageHeader
        title={inquiry.company}
        crumbs={[
          { href: '/admin/inquiries', label: 'Inquiries' },
          { href: `/admin/inquiries/${inquiry.id}`, label: inquiry.company },
        ]}
      />
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-ink-700">
        <Badge variant={kindBadge[inquiry.kind]}>{inquiryKindLabels[inquiry.kind]}</Badge>
        <Badge variant={statusBadge[inquiry.status]}>{inquiryStatusLabels[inquiry.status]}</Badge>
        <span>Received {receivedFormat.format(new Date(inquiry.createdAt))} UTC</span>
        <span aria-hidden="true">·</span>
        <span>Owner: {inquiry.owner ? (inquiry.owner.id === me.id ? 'you' : inquiry.owner.name) : 'unassigned'}</span>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <section aria-labelledby="details-heading" className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
            <h2 id="details-heading" className="text-lg font-semibold text-ink-950">
              {inquiry.kind === 'demo' ? 'Demo booking' : 'Partnership inquiry'}
            </h2>
            <dl className="mt-2 divide-y divide-ink-100">
              <Field label="Company">{inquiry.company}</Field>
              <Field label="Contact name">{inquiry.contactName}</Field>
              <Field label="Email">
                <a href={`mailto:${inquiry.email}`} className="text-brand-800 underline underline-offset-4">
                  {inquiry.email}
                </a>
              </Field>
              <Field label={inquiry.kind === 'demo' ? 'Team size' : 'Company size'}>{inquiry.sizeLabel}</Field>
              {inquiry.kind === 'partnership' ? (
                <>
                  <Field label="Kind of partnership">{inquiry.partnershipType ?? '—'}</Field>
                  <Field label="Message">
                    <p className="whitespace-pre-line">{inquiry.message}</p>
                  </Field>
                </>
              ) : (
                <>
                  <Field label="Interests">
                    {inquiry.interests.length ? (
                      <ul className="flex flex-wrap gap-2">
                        {inquiry.interests.map((i) => (
                          <li key={i}>
                            <Badge>{i}</Badge>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      'None chosen'
                    )}
                  </Field>
                  <Field label="Preferred dates">
                    <ul>
                      {inquiry.preferredDates.map((d) => (
                        <li key={d}>
                          <time dateTime={d}>{dayFormat.format(new Date(`${d}T00:00:00Z`))}</time>
                        </li>
                      ))}
                    </ul>
                  </Field>
                  <Field label="Time zone">{inquiry.timeZone ?? '—'}</Field>
                </>
              )}
            </dl>
          </section>

          <section aria-labelledby="notes-heading" className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
            <h2 id="notes-heading" className="text-lg font-semibold text-ink-950">
              Notes
            </h2>
            {inquiry.notes.length === 0 ? (
              <p className="mt-2 text-ink-700">No notes yet.</p>
            ) : (
              <ol aria-label="Notes" className="mt-3 space-y-4">
                {inquiry.notes.map((n) => (
                  <li key={n.id} className="rounded-lg bg-ink-50 p-4">
                    <p className="text-xs text-ink-600">
                      {n.author ?? 'A removed user'} · {receivedFormat.format(new Date(n.createdAt))} UTC
                    </p>
                    <p className="mt-1 whitespace-pre-line text-ink-900">{n.body}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside aria-labelledby="handle-heading" className="h-fit rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
          <h2 id="handle-heading" className="mb-4 text-lg font-semibold text-ink-950">
            Handle it
          </h2>
          <InquiryWorkflow
            key={inquiry.version}
            id={inquiry.id}
            version={inquiry.version}
            status={inquiry.status}
            ownerId={inquiry.owner?.id ?? null}
            meId={me.id}
            owners={owners.map((o) => ({ id: o.id, name: o.name }))}
          />
        </aside>
      </div>
    </>
  )
}
