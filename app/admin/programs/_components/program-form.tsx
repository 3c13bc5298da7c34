'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { useToast } from '@/app/admin/_components/toaster'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { createProgram, updateProgram, type SavedProgram } from '@/lib/programs/actions'
import type { ProgramFormOptions } from '@/lib/programs/admin-data'
import {
  maxProgramRoles,
  maxProgramSkills,
  programFormatLabels,
  programFormatValues,
  programFormSchema,
  programLevelLabels,
  programLevelValues,
  slugFromTitle,
  type ProgramFormInput,
  type ProgramFormValues,
} from '@/lib/programs/schema'
import { CheckboxList } from './checkbox-list'

export const emptyProgram: ProgramFormInput = {
  title: '',
  slug: '',
  summary: '',
  description: '',
  format: 'course',
  duration: '',
  level: 'all_levels',
  roleIds: [],
  skillIds: [],
}

const slugHint = 'The address of its page: /programs/your-slug. Lower-case letters, digits and hyphens.'

/**
 * Creates (no `id`) or edits a program. The same zod schema validates here and in the action;
 * an edit sends the version it started from, and a conflict keeps the text in the form.
 */
export function ProgramForm({ id, version, initial, options }: { id?: string; version?: number; initial: ProgramFormInput; options: ProgramFormOptions }) {
  const router = useRouter()
  const toast = useToast()
  const form = useForm<ProgramFormInput, unknown, ProgramFormValues>({ resolver: zodResolver(programFormSchema), defaultValues: initial, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<SavedProgram> | null>(null)
  const [savedVersion, setSavedVersion] = useState(0)
  const { errors, isDirty, isSubmitting } = form.formState

  useEffect(() => {
    if (!isDirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  const onSubmit = form.handleSubmit(async (values) => {
    const response = id ? await updateProgram({ ...values, id, expectedVersion: Math.max(version ?? 1, savedVersion) }) : await createProgram(values)
    applyFieldErrors(form, response)
    setResult(response.ok ? null : response)
    if (!response.ok) return
    toast(response.message ?? 'Saved.')
    form.reset(values)
    if (id) {
      setSavedVersion(response.data.version)
      router.refresh()
    } else {
      router.push(`/admin/programs/${response.data.id}`)
    }
  })

  // A new program's slug follows its title until the editor changes the slug by hand.
  const title = form.register('title', {
    onChange: (e: { target: { value: string } }) => {
      if (!id && !form.getFieldState('slug').isDirty) form.setValue('slug', slugFromTitle(e.target.value))
    },
  })

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
      <ResultMessage result={result} />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="prog-title" label="Title" required error={errors.title?.message}>
          <Input {...fieldA11yProps('prog-title', { error: errors.title?.message })} {...title} required maxLength={160} autoComplete="off" />
        </FormField>
        <TextField form={form} name="slug" label="Web address (slug)" required idPrefix="prog" maxLength={80} hint={slugHint} autoComplete="off" />
      </div>
      <TextField form={form} name="summary" label="One-line summary" required idPrefix="prog" maxLength={300} hint="Shown on cards and in search results (up to 300 characters)." />
      <TextField form={form} name="description" label="Description" multiline idPrefix="prog" maxLength={10_000} hint="Plain text; leave a blank line between paragraphs." />
      <div className="grid gap-5 sm:grid-cols-3">
        <FormField id="prog-format" label="Format" required error={errors.format?.message}>
          <Select {...fieldA11yProps('prog-format', { error: errors.format?.message })} {...form.register('format')} required>
            {programFormatValues.map((f) => (
              <option key={f} value={f}>
                {programFormatLabels[f]}
              </option>
            ))}
          </Select>
        </FormField>
        <TextField form={form} name="duration" label="Duration" idPrefix="prog" maxLength={60} placeholder="e.g. 10 weeks, part-time" />
        <FormField id="prog-level" label="Level" required error={errors.level?.message}>
          <Select {...fieldA11yProps('prog-level', { error: errors.level?.message })} {...form.register('level')} required>
            {programLevelValues.map((l) => (
              <option key={l} value={l}>
                {programLevelLabels[l]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="roleIds"
        render={({ field, fieldState }) => (
          <CheckboxList
            legend="Related roles"
            hint="The roles this program prepares people for."
            options={options.roles.map((r) => ({ id: r.id, label: r.status === 'published' ? r.title : `${r.title} (${r.status})` }))}
            value={field.value}
            onChange={field.onChange}
            max={maxProgramRoles}
            error={fieldState.error?.message ?? errors.roleIds?.[0]?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="skillIds"
        render={({ field, fieldState }) => (
          <CheckboxList
            legend="Skills taught"
            hint="Role pages suggest this program for the skills chosen here."
            options={options.skills.map((s) => ({ id: s.id, label: s.name }))}
            value={field.value}
            onChange={field.onChange}
            max={maxProgramSkills}
            error={fieldState.error?.message ?? errors.skillIds?.[0]?.message}
            filterable
          />
        )}
      />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" loading={isSubmitting}>
          {id ? 'Save changes' : 'Create draft'}
        </Button>
        {isDirty && <span className="text-sm text-ink-600">You have unsaved changes.</span>}
      </div>
    </form>
  )
}
