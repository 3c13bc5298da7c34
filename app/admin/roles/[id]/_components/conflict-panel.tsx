'use client'

import { useId } from 'react'
import { Button } from '@/components/ui/button'
import { Textarea } from '@/components/ui/textarea'
import type { RoleConflict } from '@/lib/roles/actions'
import { diffRoleContent, type RoleContent } from '@/lib/roles/schema'
import { FieldComparison } from './field-comparison'

const when = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

/**
 * Shown when a save or command started from an older version: who saved, what differs between
 * their version and the form, and two ways out that lose nothing.
 */
export function ConflictPanel({
  conflict,
  mine,
  copied,
  onLoadTheirs,
  onCopyMine,
}: {
  conflict: RoleConflict
  /** The form's values when the conflict happened. */
  mine: RoleContent
  /** JSON of the editor's unsaved values once "Copy my text" was pressed. */
  copied: string | null
  onLoadTheirs: () => void
  onCopyMine: () => void
}) {
  const id = useId()
  const changes = diffRoleContent(conflict.content, mine)
  return (
    <section role="alert" aria-labelledby={`${id}-title`} className="rounded-2xl border-2 border-warning-300 bg-warning-50 p-4 text-ink-900 sm:p-6">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Someone else saved this role first
      </h2>
      <p className="mt-1 text-sm">
        {conflict.updatedBy ?? 'Another editor'} saved version {conflict.version} on {when(conflict.updatedAt)}. Nothing of yours was saved, and your text is
        still in the form below.
      </p>
      {changes.length ? (
        <>
          <h3 className="mt-4 text-base font-semibold">What differs ({changes.length === 1 ? '1 field' : `${changes.length} fields`})</h3>
          <FieldComparison changes={changes} beforeLabel="Their version (saved)" afterLabel="Your version (not saved)" className="mt-2" />
        </>
      ) : (
        <p className="mt-3 text-sm">Their content is the same as yours; load their version to carry on from it.</p>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button onClick={onLoadTheirs}>Load their version</Button>
        <Button variant="outline" onClick={onCopyMine}>
          Copy my text
        </Button>
      </div>
      {copied !== null && <CopiedText text={copied} />}
    </section>
  )
}

/** The editor's unsaved values as JSON, selectable even when the clipboard is not available. */
export function CopiedText({ text, onDismiss }: { text: string; onDismiss?: () => void }) {
  const id = useId()
  return (
    <div className="mt-4 flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        Your text (JSON; select and copy it if the clipboard was not available)
      </label>
      <Textarea id={id} readOnly value={text} rows={8} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
      {onDismiss && (
        <Button size="sm" variant="ghost" className="self-start" onClick={onDismiss}>
          Hide my earlier text
        </Button>
      )}
    </div>
  )
}
