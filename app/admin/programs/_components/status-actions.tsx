'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ActionResult } from '@/lib/action-result'
import { archiveProgram, deleteProgram, publishProgram, unpublishProgram, type SavedProgram } from '@/lib/programs/actions'
import type { ProgramStatus } from '@/lib/programs/schema'

type Command = (input: { id: string; expectedVersion: number }) => Promise<ActionResult<SavedProgram>>

/**
 * Publish / unpublish / archive / move to the trash, for one program at the version shown.
 * A stale version is refused by the server (someone else changed it): the toast says so.
 */
export function ProgramStatusActions({
  id,
  version,
  status,
  title,
  size = 'sm',
  afterDelete,
}: {
  id: string
  version: number
  status: ProgramStatus
  title: string
  size?: 'sm' | 'md'
  /** Where to go once it is in the trash (the edit page leaves; the list stays). */
  afterDelete?: string
}) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [confirming, setConfirming] = useState(false)

  function run(command: Command, then?: string) {
    startTransition(async () => {
      const result = await command({ id, expectedVersion: version })
      toast(result.ok ? (result.message ?? 'Done.') : result.error, result.ok ? 'success' : 'error')
      setConfirming(false)
      if (result.ok && then) router.push(then)
      else router.refresh()
    })
  }

  const named = <span className="sr-only"> “{title}”</span>
  // `relative`: the buttons' screen-reader-only text is positioned inside the table's scroll
  // region, not the page, so a wide table never makes the whole page scroll sideways.
  return (
    <div className="relative flex flex-wrap gap-2">
      {status !== 'published' && (
        <Button size={size} variant="secondary" disabled={pending} onClick={() => run(publishProgram)}>
          Publish{named}
        </Button>
      )}
      {status === 'published' && (
        <Button size={size} variant="outline" disabled={pending} onClick={() => run(unpublishProgram)}>
          Unpublish{named}
        </Button>
      )}
      {status !== 'archived' && (
        <Button size={size} variant="outline" disabled={pending} onClick={() => run(archiveProgram)}>
          Archive{named}
        </Button>
      )}
      <Button size={size} variant="ghost" className="text-danger-700" disabled={pending} onClick={() => setConfirming(true)}>
        Delete{named}
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Move to the trash?" description={`“${title}” will no longer be public. You can restore it from the trash.`}>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="outline" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="danger" loading={pending} onClick={() => run(deleteProgram, afterDelete)}>
            Move to the trash
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
