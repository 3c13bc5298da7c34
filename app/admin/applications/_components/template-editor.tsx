'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { useToast } from '@/app/admin/_components/toaster'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Textarea } from '@/components/ui/textarea'
import type { ActionResult } from '@/lib/action-result'
import { saveDecisionTemplate } from '@/lib/applications/admin-actions'
import { templateSaveSchema } from '@/lib/applications/admin-schema'
import { fillDecisionEmail, previewValues, type EmailTemplateText, type TemplateKey } from '@/lib/applications/templates'

type TemplateInput = z.input<typeof templateSaveSchema>
type TemplateValues = z.output<typeof templateSaveSchema>

const bodyHint = 'Separate paragraphs with a blank line. Placeholders: {{name}}, {{dashboardUrl}}, {{reapplyDate}}.'

/** Edits one decision template, with a live preview filled with sample values. */
export function TemplateEditor({ templateKey, title, subject, body, version, defaults }: { templateKey: TemplateKey; title: string; subject: string; body: string; version: number; defaults: EmailTemplateText }) {
  const router = useRouter()
  const toast = useToast()
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  const form = useForm<TemplateInput, unknown, TemplateValues>({ resolver: zodResolver(templateSaveSchema), defaultValues: { key: templateKey, subject, body, version }, mode: 'onTouched' })
  const [liveSubject, liveBody] = useWatch({ control: form.control, name: ['subject', 'body'] })
  const preview = fillDecisionEmail({ subject: liveSubject ?? '', body: liveBody ?? '' }, previewValues)
  const prefix = templateKey.replace(/\W/g, '-')
  const bodyError = form.formState.errors.body?.message

  async function submit(values: TemplateValues) {
    const response = await saveDecisionTemplate(values)
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) {
      toast(response.message ?? 'Saved.')
      form.reset({ ...values, version: response.data.version })
      router.refresh()
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label={`${title} template`} className="grid gap-5 lg:grid-cols-2">
      <div className="grid content-start gap-4">
        <TextField form={form} name="subject" label="Subject" idPrefix={prefix} maxLength={200} required />
        <FormField id={`${prefix}-body`} label="Message" hint={bodyHint} error={bodyError} required>
          <Textarea {...fieldA11yProps(`${prefix}-body`, { error: bodyError, hint: bodyHint })} {...form.register('body')} rows={12} maxLength={8000} required />
        </FormField>
        <ResultMessage result={result} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save template
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              form.setValue('subject', defaults.subject, { shouldDirty: true })
              form.setValue('body', defaults.body, { shouldDirty: true })
            }}
          >
            Use the default text
          </Button>
        </div>
      </div>
      <section aria-label={`Preview of the ${title} email`} className="rounded-xl border border-ink-200 bg-ink-50 p-4">
        <p className="text-xs font-semibold tracking-wide text-ink-600 uppercase">Preview, with sample values</p>
        <p className="mt-3 text-sm text-ink-700">
          <span className="font-medium text-ink-900">Subject: </span>
          {preview.subject}
        </p>
        <div className="mt-3 rounded-lg bg-white p-4 text-sm leading-6 text-ink-800">
          <p className="mb-3 font-bold text-brand-700">SkillsU</p>
          {preview.paragraphs.map((p, i) => (
            <p key={i} className="mb-3 [overflow-wrap:anywhere] last:mb-0">
              {p}
            </p>
          ))}
        </div>
      </section>
    </form>
  )
}
