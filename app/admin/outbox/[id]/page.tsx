import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Badge } from '@/components/ui/badge'
import { requireStaffPage } from '@/lib/auth/staff'
import { getOutboxMessage } from '@/lib/email/admin-data'
import { emailStatusLabels } from '@/lib/email/admin-schema'
import { PageHeader } from '../../_components/page-header'
import { HeldWarning } from '../_components/held-warning'
import { kindLabel, statusBadge, timeFormat } from '../_components/labels'
import { ResendButton } from '../_components/resend-button'

export const metadata: Metadata = { title: 'Email' }

type Props = { params: Promise<{ id: string }> }

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-ink-600">{label}</dt>
      <dd className="min-w-0 break-words text-ink-900">{children}</dd>
    </div>
  )
}

const when = (iso: string | null) => (iso ? `${timeFormat.format(new Date(iso))} UTC` : '—')

/** The text part with its addresses as links, so a developer can follow them. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g)
  return (
    <pre className="overflow-x-auto rounded-lg bg-ink-50 p-4 font-mono text-sm leading-6 whitespace-pre-wrap break-words text-ink-900">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} target="_blank" rel="noreferrer" className="text-brand-800 underline underline-offset-2">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  )
}

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers)
  if (entries.length === 0) return <>None</>
  return (
    <ul className="space-y-1 font-mono text-sm">
      {entries.map(([k, v]) => (
        <li key={k} className="break-all">
          {k}: {v}
        </li>
      ))}
    </ul>
  )
}

// Links open in a new tab; the frame runs no scripts and cannot touch this page (no allow-scripts, no allow-same-origin).
const framed = (html: string) => (/<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}<base target="_blank">`) : `<base target="_blank">${html}`)

export default async function OutboxMessagePage({ params }: Props) {
  const { id } = await params
  await requireStaffPage(`/admin/outbox/${id}`, ['admin'])
  const message = await getOutboxMessage(id)
  if (!message) notFound()
  const { body } = message

  return (
    <>
      <PageHeader
        title={message.subject}
        crumbs={[
          { href: '/admin/outbox', label: 'Outbox' },
          { href: `/admin/outbox/${message.id}`, label: 'Message' },
        ]}
      />
      {!message.smtpConfigured && message.status === 'held' ? <HeldWarning /> : null}
      <div className="mb-6 flex flex-wrap items-center gap-2 text-sm text-ink-700">
        <Badge variant={statusBadge[message.status]}>{emailStatusLabels[message.status]}</Badge>
        <span>{kindLabel(message.kind)}</span>
        <span aria-hidden="true">·</span>
        <span>Queued {when(message.createdAt)}</span>
      </div>

      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="details-heading" className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
            <h2 id="details-heading" className="text-lg font-semibold text-ink-950">
              Details
            </h2>
            <dl className="mt-2 divide-y divide-ink-100">
              <Field label="To">{message.to}</Field>
              <Field label="Subject">{message.subject}</Field>
              <Field label="Kind">
                {kindLabel(message.kind)} ({message.category})
              </Field>
              <Field label="Status">{emailStatusLabels[message.status]}</Field>
              <Field label="Attempts">{message.attempts}</Field>
              <Field label="Next attempt">{message.status === 'queued' ? when(message.sendAfter) : '—'}</Field>
              <Field label="Sent">{when(message.sentAt)}</Field>
              {message.lastError ? (
                <Field label="Last error">
                  <span className="font-mono text-sm text-danger-800">{message.lastError}</span>
                </Field>
              ) : null}
              {message.providerResponse ? (
                <Field label="Server answer">
                  <span className="font-mono text-sm">{message.providerResponse}</span>
                </Field>
              ) : null}
              <Field label="Message-ID">
                <span className="font-mono text-sm break-all">{message.messageId}</span>
              </Field>
              {body.mode !== 'hidden' ? (
                <Field label="Extra headers">
                  <Headers headers={body.headers} />
                </Field>
              ) : null}
            </dl>
          </section>

          <section aria-labelledby="body-heading" className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
            <h2 id="body-heading" className="text-lg font-semibold text-ink-950">
              Message
            </h2>
            {body.mode === 'hidden' ? (
              <p className="mt-2 text-ink-700">{body.reason}</p>
            ) : body.mode === 'redacted' ? (
              <>
                <p className="mt-2 mb-4 text-sm text-ink-700">The text part, with every link that carries a token hidden. The HTML part is not shown in production.</p>
                <LinkedText text={body.text} />
              </>
            ) : (
              <>
                <p className="mt-2 mb-4 text-sm text-ink-700">As the recipient sees it (development only). Links open in a new tab.</p>
                <h3 className="mb-2 text-sm font-semibold text-ink-800">HTML part</h3>
                <iframe
                  title="HTML part of the email"
                  srcDoc={framed(body.html)}
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  className="h-[36rem] w-full resize-y rounded-lg border border-ink-200 bg-white"
                />
                <h3 className="mt-6 mb-2 text-sm font-semibold text-ink-800">Text part</h3>
                <LinkedText text={body.text} />
              </>
            )}
          </section>
        </div>

        <aside aria-labelledby="actions-heading" className="h-fit rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
          <h2 id="actions-heading" className="mb-3 text-lg font-semibold text-ink-950">
            Delivery
          </h2>
          {message.canResend ? (
            <ResendButton id={message.id} sent={message.status === 'sent'} />
          ) : (
            <p className="text-sm text-ink-700">
              {message.status === 'held'
                ? 'Held until an SMTP server is configured.'
                : message.status === 'queued' || message.status === 'sending'
                  ? 'On its way: the sender picks it up when it is due.'
                  : 'The body was deleted after the retention period, so it cannot be sent again.'}
            </p>
          )}
        </aside>
      </div>
    </>
  )
}
