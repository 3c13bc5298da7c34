'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import type { ActionResult } from '@/lib/action-result'

export type StatusCommand = (input: { id: string; expectedVersion: number }) => Promise<ActionResult<unknown>>

export interface StatusCommands {
  publish: StatusCommand
  unpublish: StatusCommand
  archive: StatusCommand
  trash: StatusCommand
}

/**
 * Publish / unpublish / archive / move to the trash, for one item of versioned admin content
 * (opportunities, programs) at the version shown; each feature passes its own actions.
 * A stale version is refused by the server (someone else changed it): the toast says so.
 */
export function StatusActions({
  commands,
  listedText,
  id,
  version,
  status,
  title,
  size = 'sm',
  afterDelete,
}: {
  commands: StatusCommands
  /** What the trash confirmation says stops, e.g. "will no longer be public". */
  listedText: string
  id: string
  version: number
  status: 'draft' | 'published' | 'archived'
  title: string
  size?: 'sm' | 'md'
  /** Where to go once it is in the trash (the edit page leaves; the list stays). */
  afterDelete?: string
}) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [confirming, setConfirming] = useState(false)

  function run(command: StatusCommand, then?: string) {
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
        <Button size={size} variant="secondary" disabled={pending} onClick={() => run(commands.publish)}>
          Publish{named}
        </Button>
      )}
      {status === 'published' && (
        <Button size={size} variant="outline" disabled={pending} onClick={() => run(commands.unpublish)}>
          Unpublish{named}
        </Button>
      )}
      {status !== 'archived' && (
        <Button size={size} variant="outline" disabled={pending} onClick={() => run(commands.archive)}>
          Archive{named}
        </Button>
      )}
      <Button size={size} variant="ghost" className="text-danger-700" disabled={pending} onClick={() => setConfirming(true)}>
        Delete{named}
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Move to the trash?" description={`“${title}” ${listedText}. You can restore it from the trash.`}>
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="outline" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="danger" loading={pending} onClick={() => run(commands.trash, afterDelete)}>
            Move to the trash
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
