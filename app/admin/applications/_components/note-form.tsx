'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { useToast } from '@/app/admin/_components/toaster'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { addApplicationNote } from '@/lib/applications/admin-actions'
import { applicationNoteSchema } from '@/lib/applications/admin-schema'

type NoteInput = z.input<typeof applicationNoteSchema>
type NoteValues = z.output<typeof applicationNoteSchema>

/** Adds an internal note (never shown to the applicant). */
export function NoteForm({ id }: { id: string }) {
  const router = useRouter()
  const toast = useToast()
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  const form = useForm<NoteInput, unknown, NoteValues>({ resolver: zodResolver(applicationNoteSchema), defaultValues: { id, body: '' } })

  async function submit(values: NoteValues) {
    const response = await addApplicationNote(values)
    applyFieldErrors(form, response)
    setResult(response.ok ? null : response)
    if (response.ok) {
      toast(response.message ?? 'Saved.')
      form.reset({ id, body: '' })
      router.refresh()
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="grid gap-3">
      <TextField form={form} name="body" label="Add a note" hint="Only reviewers see notes." multiline maxLength={4000} idPrefix="note" required />
      <ResultMessage result={result} />
      <div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Add note
        </Button>
      </div>
    </form>
  )
}
