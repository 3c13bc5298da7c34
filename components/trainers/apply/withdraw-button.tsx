'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ActionResult } from '@/lib/action-result'
import { withdrawApplication } from '@/lib/applications/actions'

/** "Withdraw application", confirmed in a dialog; the page re-renders with the new status. */
export function WithdrawButton({ id, version }: { id: string; version: number }) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [pending, start] = useTransition()
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)

  return (
    <>
      <Button type="button" variant="outline" onClick={() => setOpen(true)}>
        Withdraw application
      </Button>
      <ResultMessage result={result} className="mt-3" />
      <Dialog open={open} onClose={() => setOpen(false)} title="Withdraw your application?" description="We stop reviewing it. You can send a new application whenever you like.">
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            Keep my application
          </Button>
          <Button
            type="button"
            variant="danger"
            loading={pending}
            onClick={() =>
              start(async () => {
                const answer = await withdrawApplication({ id, version })
                setOpen(false)
                setResult(answer)
                router.refresh()
              })
            }
          >
            Withdraw
          </Button>
        </div>
      </Dialog>
    </>
  )
}
