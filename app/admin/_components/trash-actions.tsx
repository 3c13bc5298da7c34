'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ActionResult } from '@/lib/action-result'

export type TrashCommand = (input: { id: string }) => Promise<ActionResult<unknown>>

/** Restore (editors and admins) and delete permanently (admins; the server checks again). */
export function TrashActions({
  restore,
  purge,
  id,
  title,
  canPurge,
}: {
  restore: TrashCommand
  purge: TrashCommand
  id: string
  title: string
  canPurge: boolean
}) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [confirming, setConfirming] = useState(false)

  function run(command: TrashCommand) {
    startTransition(async () => {
      const result = await command({ id })
      toast(result.ok ? (result.message ?? 'Done.') : result.error, result.ok ? 'success' : 'error')
      setConfirming(false)
      router.refresh()
    })
  }

  const named = <span className="sr-only"> “{title}”</span>
  // `relative`: the buttons' screen-reader-only text is positioned inside the table's scroll
  // region, not the page, so a wide table never makes the whole page scroll sideways.
  return (
    <div className="relative flex flex-wrap gap-2">
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(restore)}>
        Restore{named}
      </Button>
      {canPurge && (
        <>
          <Button size="sm" variant="ghost" className="text-danger-700" disabled={pending} onClick={() => setConfirming(true)}>
            Delete permanently{named}
          </Button>
          <Dialog open={confirming} onClose={() => setConfirming(false)} title="Delete permanently?" description={`“${title}” will be deleted for good. This cannot be undone.`}>
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="outline" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button variant="danger" loading={pending} onClick={() => run(purge)}>
                Delete permanently
              </Button>
            </div>
          </Dialog>
        </>
      )}
    </div>
  )
}
