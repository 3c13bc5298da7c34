'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { addEmailSuppression, clearEmailSuppression } from '@/lib/email/suppression-actions'

/** Marks an address: a complaint, or a request not to be mailed. */
export function AddSuppressionForm() {
  const router = useRouter()
  const toast = useToast()
  const formRef = useRef<HTMLFormElement>(null)
  const [pending, startTransition] = useTransition()
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const fieldError = (name: string) => (result && !result.ok ? result.fieldErrors?.[name]?.[0] : undefined)
  return (
    <form
      ref={formRef}
      aria-label="Add an address"
      className="grid gap-4 rounded-2xl border border-ink-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_2fr_auto] lg:items-end"
      onSubmit={(e) => {
        e.preventDefault()
        const data = Object.fromEntries(new FormData(e.currentTarget))
        startTransition(async () => {
          const response = await addEmailSuppression(data)
          setResult(response.ok ? null : response)
          toast(response.ok ? (response.message ?? 'Added.') : response.error, response.ok ? 'success' : 'error')
          if (response.ok) {
            formRef.current?.reset()
            router.refresh()
          }
        })
      }}
    >
      <div className="sm:col-span-2 lg:col-span-4">
        <ResultMessage result={result} />
      </div>
      <FormField id="suppression-email" label="Email" error={fieldError('email')} required>
        <Input id="suppression-email" name="email" type="email" required maxLength={254} autoComplete="off" />
      </FormField>
      <FormField id="suppression-reason" label="Reason" error={fieldError('reason')}>
        <Select id="suppression-reason" name="reason" defaultValue="complaint">
          <option value="complaint">Complaint</option>
          <option value="manual">Asked not to be mailed</option>
        </Select>
      </FormField>
      <FormField id="suppression-detail" label="Note (optional)" error={fieldError('detail')}>
        <Input id="suppression-detail" name="detail" maxLength={500} autoComplete="off" />
      </FormField>
      <Button type="submit" loading={pending}>
        Add to the list
      </Button>
    </form>
  )
}

/** Takes one address off the list; audited on the server. */
export function ClearSuppressionButton({ email }: { email: string }) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      disabled={pending}
      aria-busy={pending || undefined}
      onClick={() =>
        startTransition(async () => {
          const response = await clearEmailSuppression({ email })
          toast(response.ok ? (response.message ?? 'Cleared.') : response.error, response.ok ? 'success' : 'error')
          router.refresh()
        })
      }
    >
      Clear<span className="sr-only"> {email}</span>
    </Button>
  )
}
