'use client'

import type { ComponentProps, ReactNode } from 'react'
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import type { ActionResult } from '@/lib/action-result'
// Before any form parses with zod in the browser (see the file).
import '@/lib/security/zod-jitless'
import { cn } from '@/lib/utils'

/** Puts the server's field errors next to the fields (the server re-validates with the same schema). */
export function applyFieldErrors<V extends FieldValues>(form: UseFormReturn<V>, result: ActionResult<unknown>) {
  if (result.ok || !result.fieldErrors) return
  for (const [name, messages] of Object.entries(result.fieldErrors)) {
    form.setError(name as FieldPath<V>, { type: 'server', message: messages[0] })
  }
}

export function toFormData(values: Record<string, unknown>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) value.forEach((v) => data.append(`${key}[]`, String(v)))
    else data.set(key, typeof value === 'boolean' ? (value ? 'true' : '') : String(value))
  }
  return data
}

/** The outcome of a submit, announced to screen readers. */
export function ResultMessage({ result, className }: { result: ActionResult<unknown> | null; className?: string }) {
  if (!result) return null
  const text = result.ok ? result.message : result.error
  if (!text) return null
  return (
    <div
      role={result.ok ? 'status' : 'alert'}
      className={cn(
        'rounded-lg border px-4 py-3 text-sm',
        result.ok ? 'border-success-200 bg-success-50 text-success-800' : 'border-danger-200 bg-danger-50 text-danger-800',
        className,
      )}
    >
      {text}
    </div>
  )
}

type TextFieldProps<V extends FieldValues> = {
  form: UseFormReturn<V>
  name: FieldPath<V>
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  multiline?: boolean
  idPrefix?: string
} & Omit<ComponentProps<'input'>, 'name' | 'form'>

/** A labelled input (or textarea) registered with react-hook-form, its error beside it. */
export function TextField<V extends FieldValues>({ form, name, label, hint, required, multiline, idPrefix = 'f', className, ...rest }: TextFieldProps<V>) {
  const id = `${idPrefix}-${name.replace(/\W/g, '-')}`
  const error = form.formState.errors[name]?.message as string | undefined
  const a11y = fieldA11yProps(id, { error, hint })
  return (
    <FormField id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {multiline ? (
        <Textarea {...a11y} {...form.register(name)} required={required} rows={5} maxLength={rest.maxLength} />
      ) : (
        <Input {...a11y} {...rest} {...form.register(name)} required={required} />
      )}
    </FormField>
  )
}
