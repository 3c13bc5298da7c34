'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { resendEmail } from '@/lib/email/admin-actions'

/** Queues a failed (or sent) message again; the page re-reads its status afterwards. */
export function ResendButton({ id, sent }: { id: string; sent: boolean }) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  return (
    <div className="space-y-3">
      <ResultMessage result={result} />
      <Button
        type="button"
        variant="outline"
        size="sm"
        aria-busy={pending || undefined}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const response = await resendEmail({ id })
            setResult(response.ok ? null : response)
            toast(response.ok ? (response.message ?? 'Queued.') : response.error, response.ok ? 'success' : 'error')
            if (response.ok) router.refresh()
          })
        }
      >
        {sent ? 'Send again' : 'Retry now'}
      </Button>
      {sent ? <p className="text-xs text-ink-600">It goes out with a new Message-ID, so the recipient&apos;s mail server does not drop it as a copy.</p> : null}
    </div>
  )
}
