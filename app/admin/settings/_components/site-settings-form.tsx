'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import { get, useFieldArray, useForm, type FieldPath, type UseFormReturn } from 'react-hook-form'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Textarea } from '@/components/ui/textarea'
import type { ActionResult } from '@/lib/action-result'
import { saveSiteSettingsAction } from '@/lib/site-settings/actions'
import { maxLegalTextLength, maxSocialLinks, siteSettingsSchema, type CtaKey, type SiteSettings, type SiteSettingsInput } from '@/lib/site-settings/schema'
import { useToast } from '../../_components/toaster'

type Form = UseFormReturn<SiteSettingsInput, unknown, SiteSettings>
type Name = FieldPath<SiteSettingsInput>

const ctaGroups: { key: CtaKey; heading: string; hint: string }[] = [
  { key: 'createProfile', heading: 'Create a profile', hint: 'First closing block (“Ready to get started?”).' },
  { key: 'bookDemo', heading: 'Book a demo', hint: 'The “Have questions?” block.' },
  { key: 'trainersApply', heading: 'Trainers apply', hint: 'The block inviting trainers, coaches and consultants.' },
  { key: 'partnerships', heading: 'Partnerships', hint: 'The block for partnership enquiries.' },
  { key: 'newsletter', heading: 'Newsletter', hint: 'The “Join our community” block.' },
]

function Field({
  form,
  name,
  label,
  hint,
  required,
  multiline,
  maxLength,
  type = 'text',
  autoComplete,
  rows = 3,
}: {
  form: Form
  name: Name
  label: string
  hint?: string
  required?: boolean
  multiline?: boolean
  maxLength: number
  type?: string
  autoComplete?: string
  rows?: number
}) {
  const id = `settings-${name.replace(/\W/g, '-')}`
  const error = (get(form.formState.errors, name) as { message?: string } | undefined)?.message
  const a11y = fieldA11yProps(id, { error, hint })
  return (
    <FormField id={id} label={label} hint={hint} error={error} required={required}>
      {multiline ? (
        <Textarea {...a11y} {...form.register(name)} required={required} maxLength={maxLength} rows={rows} />
      ) : (
        <Input {...a11y} {...form.register(name)} type={type} required={required} maxLength={maxLength} autoComplete={autoComplete ?? 'off'} />
      )}
    </FormField>
  )
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
      <h2 id={id} className="text-lg font-semibold text-ink-950">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-ink-700">{description}</p> : null}
      <div className="mt-4 grid gap-5">{children}</div>
    </section>
  )
}

export function SiteSettingsForm({ initial, version: initialVersion }: { initial: SiteSettings; version: number }) {
  const router = useRouter()
  const toast = useToast()
  const form: Form = useForm<SiteSettingsInput, unknown, SiteSettings>({ resolver: zodResolver(siteSettingsSchema), defaultValues: initial, mode: 'onTouched' })
  const links = useFieldArray({ control: form.control, name: 'socialLinks' })
  const [version, setVersion] = useState(initialVersion)
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null)
  const { isDirty, isSubmitting, errors } = form.formState

  useEffect(() => {
    if (!isDirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  const onSubmit = form.handleSubmit(async (values) => {
    const response = await saveSiteSettingsAction({ settings: values, expectedVersion: version })
    if (!response.ok && response.fieldErrors) {
      for (const [key, messages] of Object.entries(response.fieldErrors)) {
        form.setError(key.replace(/^settings\./, '') as Name, { type: 'server', message: messages[0] })
      }
    }
    setResult(response)
    toast(response.ok ? (response.message ?? 'Saved.') : response.error, response.ok ? 'success' : 'error')
    if (response.ok) {
      setVersion(response.data.version)
      form.reset(values)
      router.refresh()
    }
  })

  const linksError = (errors.socialLinks as { message?: string; root?: { message?: string } } | undefined)?.message ?? errors.socialLinks?.root?.message

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      <ResultMessage result={result} />
      <Section id="settings-site" title="Site and contact">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field form={form} name="siteName" label="Site name" required maxLength={80} />
          <Field form={form} name="teamEmail" label="Team email address" type="email" maxLength={254} hint="Shown to visitors who want to reach the team. Leave empty to hide it." />
        </div>
        <Field form={form} name="postalAddress" label="Postal address" multiline maxLength={300} hint="One line per address line. Leave empty to hide it." />
      </Section>

      <Section id="settings-social" title="Social links" description={`Up to ${maxSocialLinks} profiles elsewhere, each a full https:// address with a label.`}>
        {links.fields.length === 0 ? <p className="text-sm text-ink-700">No social links yet.</p> : null}
        <ol className="grid gap-4">
          {links.fields.map((field, index) => (
            <li key={field.id} className="grid gap-3 rounded-xl border border-ink-200 p-4 sm:grid-cols-[1fr_2fr_auto] sm:items-start">
              <Field form={form} name={`socialLinks.${index}.label`} label={`Link ${index + 1} label`} required maxLength={40} />
              <Field form={form} name={`socialLinks.${index}.url`} label={`Link ${index + 1} address`} type="url" required maxLength={500} />
              <Button variant="ghost" size="sm" className="sm:mt-8" onClick={() => links.remove(index)}>
                Remove link {index + 1}
              </Button>
            </li>
          ))}
        </ol>
        {linksError ? (
          <p role="alert" className="text-sm font-medium text-danger-700">
            {linksError}
          </p>
        ) : null}
        <div>
          <Button variant="outline" size="sm" disabled={links.fields.length >= maxSocialLinks} onClick={() => links.append({ label: '', url: '' })}>
            Add a social link
          </Button>
        </div>
      </Section>

      <Section id="settings-hero" title="Home page hero" description="The first thing visitors read on the home page.">
        <Field form={form} name="hero.eyebrow" label="Eyebrow" hint="The small line above the heading. Optional." maxLength={60} />
        <Field form={form} name="hero.heading" label="Heading" required maxLength={120} />
        <Field form={form} name="hero.text" label="Text" required multiline maxLength={400} />
      </Section>

      <Section id="settings-ctas" title="Calls to action" description="The blocks that close the public pages.">
        {ctaGroups.map((g) => (
          <fieldset key={g.key} className="grid gap-4 rounded-xl border border-ink-200 p-4">
            <legend className="px-1 text-base font-semibold text-ink-900">{g.heading}</legend>
            <p className="-mt-2 text-sm text-ink-600">{g.hint}</p>
            <Field form={form} name={`ctas.${g.key}.title`} label={`${g.heading}: title`} required maxLength={80} />
            <Field form={form} name={`ctas.${g.key}.text`} label={`${g.heading}: text`} required multiline maxLength={300} />
          </fieldset>
        ))}
      </Section>

      <Section
        id="settings-legal"
        title="Privacy policy and terms"
        description="Shown at /privacy and /terms, linked from the footer and under every form. Plain text: a line starting with “## ” is a heading, lines starting with “- ” make a list, a blank line starts a new paragraph."
      >
        <Field form={form} name="privacyPolicy" label="Privacy policy" required multiline rows={16} maxLength={maxLegalTextLength} />
        <Field form={form} name="terms" label="Terms" required multiline rows={12} maxLength={maxLegalTextLength} />
      </Section>

      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-4 border-t border-ink-200 bg-surface-muted/95 px-4 py-3">
        <Button type="submit" loading={isSubmitting}>
          Save settings
        </Button>
        {isDirty ? <span className="text-sm text-ink-700">You have unsaved changes.</span> : null}
      </div>
    </form>
  )
}
