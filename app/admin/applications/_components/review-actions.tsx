'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { Button, type ButtonVariant } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ApplicationStatus } from '@/db/schema/applications'
import { moveApplication } from '@/lib/applications/admin-actions'

const moves: Partial<Record<ApplicationStatus, { label: string; variant: ButtonVariant; confirm?: string }>> = {
  screening: { label: 'Move to screening', variant: 'primary' },
  interview: { label: 'Invite to interview', variant: 'primary', confirm: 'The applicant is emailed an interview invitation.' },
  accepted: { label: 'Accept', variant: 'primary', confirm: 'The applicant becomes a trainer with a public card on matching role pages, and is emailed the decision.' },
  rejected: { label: 'Reject', variant: 'danger', confirm: 'The applicant is emailed the decision and may apply again in 90 days.' },
}

/**
 * The allowed next statuses only, each sent with the version on this page: if someone else moved
 * the application first, the server refuses and the message says to reload.
 */
export function ReviewActions({ id, version, nextStatuses, name }: { id: string; version: number; nextStatuses: ApplicationStatus[]; name: string }) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [confirming, setConfirming] = useState<ApplicationStatus | null>(null)
  const [error, setError] = useState<string | null>(null)

  if (nextStatuses.length === 0) return <p className="text-sm text-ink-700">This application is closed: no further status changes.</p>

  function run(to: ApplicationStatus) {
    startTransition(async () => {
      const result = await moveApplication({ id, to, version })
      setConfirming(null)
      if (result.ok) {
        setError(null)
        toast(result.message ?? 'Saved.')
      } else {
        setError(result.error)
        toast(result.error, 'error')
      }
      router.refresh()
    })
  }

  const dialogMove = confirming ? moves[confirming] : undefined
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        {nextStatuses.map((to) => {
          const move = moves[to]
          if (!move) return null
          return (
            <Button key={to} variant={move.variant} disabled={pending} onClick={() => (move.confirm ? setConfirming(to) : run(to))}>
              {move.label}
            </Button>
          )
        })}
      </div>
      {error ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 text-sm text-danger-800">
          {error}
        </p>
      ) : null}
      <Dialog open={!!confirming} onClose={() => setConfirming(null)} title={dialogMove ? `${dialogMove.label}: ${name}?` : ''} description={dialogMove?.confirm}>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="outline" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          {confirming && dialogMove ? (
            <Button variant={dialogMove.variant} loading={pending} onClick={() => run(confirming)}>
              {dialogMove.label}
            </Button>
          ) : null}
        </div>
      </Dialog>
    </div>
  )
}
