'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ActionResult } from '@/lib/action-result'
import { deletePartnerForever, restorePartner } from '@/lib/partners/actions'
import { useToast } from '../../_components/toaster'

/** Restore for editors; permanent delete (after a confirmation) for admins only. */
export function TrashRowActions({ partner, canDelete }: { partner: { id: string; name: string }; canDelete: boolean }) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [confirming, setConfirming] = useState(false)

  function run(action: () => Promise<ActionResult<null>>) {
    if (pending) return
    startTransition(async () => {
      const result = await action()
      setConfirming(false)
      if (result.ok) {
        toast(result.message ?? 'Done.')
        document.getElementById('main')?.focus()
      } else {
        toast(result.error, 'error')
      }
      router.refresh()
    })
  }

  return (
    <div className="flex items-center gap-2 whitespace-nowrap" aria-busy={pending || undefined}>
      <Button variant="outline" size="sm" aria-disabled={pending || undefined} onClick={() => run(() => restorePartner({ id: partner.id }))}>
        Restore<span className="sr-only"> {partner.name}</span>
      </Button>
      {canDelete ? (
        <>
          <Button variant="ghost" size="sm" className="text-danger-700 hover:bg-danger-50 hover:text-danger-800" aria-disabled={pending || undefined} onClick={() => setConfirming(true)}>
            Delete permanently<span className="sr-only"> {partner.name}</span>
          </Button>
          <Dialog open={confirming} onClose={() => setConfirming(false)} title={`Delete ${partner.name} permanently?`} description="The partner and its logo file are deleted for good. This cannot be undone.">
            <div className="flex flex-wrap justify-end gap-3">
              <Button variant="outline" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button variant="danger" loading={pending} onClick={() => run(() => deletePartnerForever({ id: partner.id }))}>
                Delete permanently
              </Button>
            </div>
          </Dialog>
        </>
      ) : null}
    </div>
  )
}
