'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import { Textarea } from '@/components/ui/textarea'
import type { ActionResult } from '@/lib/action-result'
import { addInquiryNote, assignInquiry, setInquiryStatus } from '@/lib/inquiries/admin-actions'
import { inquiryStatusLabels, inquiryStatusValues, type InquiryStatus } from '@/lib/inquiries/schema'

export interface InquiryWorkflowProps {
  id: string
  version: number
  status: InquiryStatus
  ownerId: string | null
  meId: string
  owners: { id: string; name: string }[]
}

/**
 * Status, owner and a new note for one inquiry. Every change is sent with the version this page
 * showed; if someone else changed the inquiry meanwhile the server refuses and the message says so.
 */
export function InquiryWorkflow({ id, version, status, ownerId, meId, owners }: InquiryWorkflowProps) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  // Versions only grow: the newer of the page's and the last change's is the one to send.
  const [savedVersion, setSavedVersion] = useState(0)
  const current = Math.max(version, savedVersion)
  const [nextStatus, setNextStatus] = useState<InquiryStatus>(status)
  const [nextOwner, setNextOwner] = useState(ownerId ?? '')
  const [note, setNote] = useState('')
  const [noteError, setNoteError] = useState<string | undefined>()

  function run<T extends { version: number }>(change: () => Promise<ActionResult<T>>, after?: () => void) {
    startTransition(async () => {
      const response = await change()
      setResult(response.ok ? null : response)
      if (!response.ok) {
        setNoteError(response.fieldErrors?.body?.[0])
        toast(response.error, 'error')
        return
      }
      setSavedVersion(response.data.version)
      toast(response.message ?? 'Saved.')
      after?.()
      router.refresh()
    })
  }

  return (
    <div className="space-y-6">
      <ResultMessage result={result} />
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault()
          run(() => setInquiryStatus({ id, version: current, status: nextStatus }))
        }}
      >
        <FormField id="inq-status" label="Status">
          <Select id="inq-status" value={nextStatus} onChange={(e) => setNextStatus(e.target.value as InquiryStatus)}>
            {inquiryStatusValues.map((s) => (
              <option key={s} value={s}>
                {inquiryStatusLabels[s]}
              </option>
            ))}
          </Select>
        </FormField>
        <Button type="submit" variant="outline" size="sm" disabled={pending || nextStatus === status}>
          Set status
        </Button>
      </form>

      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault()
          run(() => assignInquiry({ id, version: current, ownerId: nextOwner }))
        }}
      >
        <FormField id="inq-owner-select" label="Owner">
          <Select id="inq-owner-select" value={nextOwner} onChange={(e) => setNextOwner(e.target.value)}>
            <option value="">Unassigned</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.id === meId ? `${o.name} (you)` : o.name}
              </option>
            ))}
          </Select>
        </FormField>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="outline" size="sm" disabled={pending || nextOwner === (ownerId ?? '')}>
            Assign
          </Button>
          {ownerId !== meId ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={pending}
              onClick={() => {
                setNextOwner(meId)
                run(() => assignInquiry({ id, version: current, ownerId: meId }))
              }}
            >
              Assign to me
            </Button>
          ) : null}
        </div>
      </form>

      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault()
          if (!note.trim()) {
            setNoteError('Write the note first.')
            return
          }
          run(
            () => addInquiryNote({ id, version: current, body: note }),
            () => {
              setNote('')
              setNoteError(undefined)
            },
          )
        }}
      >
        <FormField id="inq-note" label="Add a note" error={noteError} hint="Only admins see notes.">
          <Textarea
            {...fieldA11yProps('inq-note', { error: noteError, hint: 'Only admins see notes.' })}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={4000}
            rows={4}
          />
        </FormField>
        <Button type="submit" size="sm" loading={pending}>
          Add note
        </Button>
      </form>
    </div>
  )
}
