'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import Image from 'next/image'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { applyFieldErrors, ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { fail, type ActionResult } from '@/lib/action-result'
import { createPartner, updatePartner } from '@/lib/partners/actions'
import type { PartnerLogo } from '@/lib/partners/admin-data'
import { partnerFormSchema, type PartnerFormData, type PartnerFormInput } from '@/lib/partners/schema'
import { useToast } from '../../_components/toaster'

export interface PartnerFormInitial {
  id: string
  version: number
  name: string
  websiteUrl: string
  visible: boolean
  logo: PartnerLogo | null
}

const acceptedTypes = 'image/png,image/jpeg,image/webp'

/** The new-partner and edit-partner form; the server re-checks everything with the same schema. */
export function PartnerForm({ initial }: { initial?: PartnerFormInitial }) {
  const router = useRouter()
  const toast = useToast()
  const form = useForm<PartnerFormInput, unknown, PartnerFormData>({
    resolver: zodResolver(partnerFormSchema),
    defaultValues: { name: initial?.name ?? '', websiteUrl: initial?.websiteUrl ?? '', visible: initial?.visible ?? true, logo: undefined },
    mode: 'onTouched',
  })
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const previewRef = useRef<string | null>(null)
  const { errors, isDirty, isSubmitting } = form.formState

  useEffect(() => {
    if (!isDirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  useEffect(() => () => {
    if (previewRef.current) URL.revokeObjectURL(previewRef.current)
  }, [])

  function showPreview(file: File | undefined) {
    if (previewRef.current) URL.revokeObjectURL(previewRef.current)
    previewRef.current = file ? URL.createObjectURL(file) : null
    setPreview(previewRef.current)
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const data = new FormData()
    data.set('name', values.name)
    data.set('websiteUrl', values.websiteUrl)
    data.set('visible', values.visible ? 'true' : '')
    if (values.logo) data.set('logo', values.logo)
    if (initial) {
      data.set('id', initial.id)
      data.set('version', String(initial.version))
    }
    let response: ActionResult<unknown>
    try {
      response = initial ? await updatePartner(data) : await createPartner(data)
    } catch {
      // The request itself failed (the connection, or a body the server would not accept).
      response = fail('The form could not be sent. Check your connection, or try a smaller image, and try again.')
    }
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) {
      form.reset(values)
      toast(response.message ?? 'Saved.')
      router.push('/admin/partners')
      router.refresh()
    }
  })

  const nameError = errors.name?.message
  const websiteError = errors.websiteUrl?.message
  const logoError = errors.logo?.message
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6 rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
      <ResultMessage result={result?.ok ? null : result} />
      <FormField id="partner-name" label="Name" error={nameError} required>
        <Input {...fieldA11yProps('partner-name', { error: nameError })} {...form.register('name')} required maxLength={100} autoComplete="organization" />
      </FormField>
      <FormField id="partner-website" label="Website" hint="Optional. A full address starting with https://" error={websiteError}>
        <Input
          {...fieldA11yProps('partner-website', { error: websiteError, hint: true })}
          {...form.register('websiteUrl')}
          type="url"
          inputMode="url"
          maxLength={300}
          placeholder="https://www.example.com"
          autoComplete="url"
        />
      </FormField>
      <Controller
        control={form.control}
        name="logo"
        render={({ field }) => (
          <FormField id="partner-logo" label={initial?.logo ? 'Replace the logo' : 'Logo'} hint="Optional. A PNG, JPEG or WebP image of at most 2 MB. It is resized to 96 pixels high and saved as WebP." error={logoError}>
            <input
              {...fieldA11yProps('partner-logo', { error: logoError, hint: true })}
              ref={field.ref}
              name={field.name}
              onBlur={field.onBlur}
              type="file"
              accept={acceptedTypes}
              onChange={(e) => {
                const file = e.target.files?.[0]
                field.onChange(file)
                showPreview(file)
              }}
              className="block w-full rounded-lg border border-ink-400 bg-white text-sm text-ink-800 file:mr-3 file:min-h-11 file:border-0 file:border-r file:border-ink-300 file:bg-ink-50 file:px-4 file:font-semibold file:text-ink-900 hover:file:bg-ink-100 aria-invalid:border-danger-600"
            />
          </FormField>
        )}
      />
      {(preview || initial?.logo) && (
        <div className="flex flex-wrap gap-6">
          {initial?.logo ? (
            <figure className="flex flex-col gap-2">
              <Image src={initial.logo.src} alt={initial.logo.alt} width={initial.logo.width} height={initial.logo.height} unoptimized className="h-12 w-auto rounded border border-ink-200 bg-surface-muted p-1" />
              <figcaption className="text-sm text-ink-600">Current logo</figcaption>
            </figure>
          ) : null}
          {preview ? (
            <figure className="flex flex-col gap-2">
              <Image src={preview} alt="The chosen image" width={96} height={48} unoptimized className="h-12 w-auto rounded border border-ink-200 bg-surface-muted p-1" />
              <figcaption className="text-sm text-ink-600">Chosen image (checked when you save)</figcaption>
            </figure>
          ) : null}
        </div>
      )}
      <label className="flex items-center gap-2 text-sm font-medium text-ink-900">
        <input type="checkbox" {...form.register('visible')} className="size-4 accent-brand-600" />
        Show on the site (home page and role pages)
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" loading={isSubmitting}>
          {initial ? 'Save partner' : 'Add partner'}
        </Button>
        {isDirty && <span className="text-sm text-ink-600">You have unsaved changes.</span>}
      </div>
    </form>
  )
}
