'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useToast } from '@/app/admin/_components/toaster'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { createOpportunity, updateOpportunity, type SavedOpportunity } from '@/lib/opportunities/actions'
import type { OpportunityFormOptions } from '@/lib/opportunities/admin-data'
import { employmentTypeLabels, employmentTypeValues, opportunityFormSchema, type OpportunityFormInput, type OpportunityFormValues } from '@/lib/opportunities/schema'

export const emptyOpportunity: OpportunityFormInput = {
  title: '',
  partnerId: '',
  companyName: '',
  roleId: '',
  location: '',
  remote: false,
  employmentType: 'full_time',
  description: '',
  applyUrl: '',
  expiresOn: '',
}

const hints = {
  company: 'A partner from the list, or another company by name.',
  expiresOn: 'The last day it is listed (UTC). Leave empty for no expiry.',
}

/**
 * Creates (no `id`) or edits an opportunity. The same zod schema validates here and in the
 * action; an edit sends the version it started from, and a conflict keeps the text in the form.
 */
export function OpportunityForm({ id, version, initial, options }: { id?: string; version?: number; initial: OpportunityFormInput; options: OpportunityFormOptions }) {
  const router = useRouter()
  const toast = useToast()
  const form = useForm<OpportunityFormInput, unknown, OpportunityFormValues>({ resolver: zodResolver(opportunityFormSchema), defaultValues: initial, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<SavedOpportunity> | null>(null)
  // Versions only grow: the newer of the page's and the last save's is the one to send.
  const [savedVersion, setSavedVersion] = useState(0)
  const { errors, isDirty, isSubmitting } = form.formState
  const partnerId = useWatch({ control: form.control, name: 'partnerId' })

  useEffect(() => {
    if (!isDirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  const onSubmit = form.handleSubmit(async (values) => {
    const response = id ? await updateOpportunity({ ...values, id, expectedVersion: Math.max(version ?? 1, savedVersion) }) : await createOpportunity(values)
    applyFieldErrors(form, response)
    setResult(response.ok ? null : response)
    if (!response.ok) return
    toast(response.message ?? 'Saved.')
    form.reset(values)
    if (id) {
      setSavedVersion(response.data.version)
      router.refresh()
    } else {
      router.push(`/admin/opportunities/${response.data.id}`)
    }
  })

  const err = (name: keyof OpportunityFormInput) => errors[name]?.message
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
      <ResultMessage result={result} />
      <TextField form={form} name="title" label="Job title" required idPrefix="opp" maxLength={160} autoComplete="off" />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="opp-partnerId" label="Company" error={err('partnerId')} hint={hints.company}>
          <Select {...fieldA11yProps('opp-partnerId', { error: err('partnerId'), hint: hints.company })} {...form.register('partnerId')}>
            <option value="">Another company (type its name)</option>
            {options.partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </FormField>
        {partnerId === '' && <TextField form={form} name="companyName" label="Company name" required idPrefix="opp" maxLength={120} autoComplete="organization" />}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="opp-roleId" label="Related role" error={err('roleId')}>
          <Select {...fieldA11yProps('opp-roleId', { error: err('roleId') })} {...form.register('roleId')}>
            <option value="">No specific role</option>
            {options.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
                {r.status === 'published' ? '' : ` (${r.status})`}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="opp-employmentType" label="Employment type" error={err('employmentType')} required>
          <Select {...fieldA11yProps('opp-employmentType', { error: err('employmentType') })} {...form.register('employmentType')} required>
            {employmentTypeValues.map((t) => (
              <option key={t} value={t}>
                {employmentTypeLabels[t]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <div className="grid gap-5 sm:grid-cols-2 sm:items-end">
        <TextField form={form} name="location" label="Location" idPrefix="opp" maxLength={120} placeholder="e.g. London, UK" hint="Leave empty for a fully remote job." />
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink-900">
          <input type="checkbox" {...form.register('remote')} className="size-4 accent-brand-600" />
          Remote
        </label>
      </div>
      <TextField form={form} name="description" label="Short description" required multiline idPrefix="opp" maxLength={600} hint="Up to 600 characters; shown on the card and in the email." />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField form={form} name="applyUrl" label="Apply URL" required idPrefix="opp" type="url" inputMode="url" maxLength={2000} placeholder="https://" hint="Where candidates apply; https:// only." />
        <FormField id="opp-expiresOn" label="Listed until" error={err('expiresOn')} hint={hints.expiresOn}>
          <Input type="date" {...fieldA11yProps('opp-expiresOn', { error: err('expiresOn'), hint: hints.expiresOn })} {...form.register('expiresOn')} />
        </FormField>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" loading={isSubmitting}>
          {id ? 'Save changes' : 'Create draft'}
        </Button>
        {isDirty && <span className="text-sm text-ink-600">You have unsaved changes.</span>}
      </div>
    </form>
  )
}
