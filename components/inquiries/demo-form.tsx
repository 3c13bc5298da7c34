'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useForm, useWatch, type DefaultValues } from 'react-hook-form'
import { Honeypot, useFormGuard } from '@/components/forms/form-guard'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { FormLegalNote } from '@/components/legal/form-legal-note'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { submitDemoBooking } from '@/lib/inquiries/actions'
import { aYearAfter, demoFieldsSchema, inquiryLimits, isKnownTimeZone, sizeLabel, teamSizeValues, todayIn, type DemoFieldsInput } from '@/lib/inquiries/schema'
import { FormSuccess, offline } from './form-success'

const empty: DefaultValues<DemoFieldsInput> = { company: '', contactName: '', email: '', interests: [], preferredDates: ['', '', ''], timeZone: 'UTC' }
const dateSlots = [0, 1, 2] as const
const noSubscription = () => () => {}

/** The browser's own zone, by the name the browser uses (Etc/UTC and the like count as UTC). */
function readBrowserZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    return /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/.test(zone) ? 'UTC' : isKnownTimeZone(zone) ? zone : null
  } catch {
    // An old browser without time zone data: UTC stays chosen.
    return null
  }
}

export interface DemoFormProps {
  /** Published roles and programs by title (from the page's cached reads). */
  roles: string[]
  programs: string[]
  /** The IANA time zones the server accepts. */
  timeZones: string[]
}

/**
 * The demo booking. The page is cached, so anything about the visitor (their time zone, today's
 * date for the date pickers' bounds) is worked out here after it is shown, never while rendering.
 */
export function DemoForm({ roles, programs, timeZones }: DemoFormProps) {
  const guard = useFormGuard()
  const form = useForm<DemoFieldsInput>({ resolver: zodResolver(demoFieldsSchema), defaultValues: empty, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const { errors, isSubmitting } = form.formState
  const { setValue, getFieldState } = form

  // Known only in the browser (the page is cached): the visitor's zone, chosen for them, and listed
  // under the browser's name for it if this server lists it under another (Asia/Kolkata, Asia/Calcutta).
  const browserZone = useSyncExternalStore(noSubscription, readBrowserZone, () => null)
  const zoneOptions = browserZone && !timeZones.includes(browserZone) ? [browserZone, ...timeZones] : timeZones
  useEffect(() => {
    if (browserZone && !getFieldState('timeZone').isDirty) setValue('timeZone', browserZone)
  }, [browserZone, setValue, getFieldState])

  // The date pickers' bounds: today where the visitor is.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false)
  const timeZone = useWatch({ control: form.control, name: 'timeZone' })
  const today = inBrowser ? todayIn(timeZone ?? 'UTC') : null
  const bounds = today ? { min: today, max: aYearAfter(today) } : null

  const onSubmit = form.handleSubmit(async () => {
    // The values as typed (empty dates included, so errors come back for the right date field).
    const response = await submitDemoBooking({ ...form.getValues(), ...guard.fields() }).catch(() => offline)
    applyFieldErrors(form, response)
    setResult(response)
  })

  if (result?.ok) {
    return (
      <FormSuccess
        heading="Thanks — your demo request is in"
        message={result.message}
        againLabel="Book another demo"
        onAgain={() => {
          form.reset({ ...empty, timeZone: form.getValues('timeZone') })
          guard.renew()
          setResult(null)
        }}
      />
    )
  }

  const interestsError = errors.interests?.message ?? errors.interests?.root?.message
  const dateErrors = dateSlots.map((i) => errors.preferredDates?.[i]?.message)
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Book a demo" className="relative space-y-6">
      <Honeypot inputRef={guard.honeypot} id="demo-website" />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField form={form} name="company" label="Company" required idPrefix="demo" maxLength={inquiryLimits.company} autoComplete="organization" />
        <TextField form={form} name="contactName" label="Your name" required idPrefix="demo" maxLength={inquiryLimits.name} autoComplete="name" />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField form={form} name="email" label="Work email" type="email" required idPrefix="demo" maxLength={254} autoComplete="email" />
        <FormField id="demo-teamSize" label="Team size" required error={errors.teamSize?.message}>
          <Select {...fieldA11yProps('demo-teamSize', { error: errors.teamSize?.message })} {...form.register('teamSize')} required>
            <option value="">Choose a size</option>
            {teamSizeValues.map((size) => (
              <option key={size} value={size}>
                {sizeLabel(size)}
              </option>
            ))}
          </Select>
        </FormField>
      </div>

      <fieldset className="space-y-3" aria-describedby={interestsError ? 'demo-interests-error' : 'demo-interests-hint'}>
        <legend className="text-sm font-medium leading-6 text-ink-900">What would you like to see?</legend>
        <p id="demo-interests-hint" className="text-sm text-ink-600">
          Optional: pick the roles and programs that matter to your team.
        </p>
        {[
          { label: 'Roles', items: roles },
          { label: 'Programs', items: programs },
        ]
          .filter((group) => group.items.length > 0)
          .map((group) => (
            <div key={group.label}>
              <p className="mb-2 text-xs font-semibold tracking-wide text-ink-600 uppercase">{group.label}</p>
              <ul className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
                {group.items.map((title, i) => {
                  const id = `demo-interest-${group.label.toLowerCase()}-${i}`
                  return (
                    <li key={title}>
                      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-2 text-sm text-ink-900 hover:bg-ink-50">
                        <input id={id} type="checkbox" value={title} {...form.register('interests')} className="size-4 shrink-0 accent-brand-600" />
                        <span>{title}</span>
                      </label>
                    </li>
                  )
                })}
              </ul>
            </div>
          ))}
        {interestsError ? (
          <p id="demo-interests-error" className="text-sm font-medium text-danger-700">
            <span className="sr-only">Error: </span>
            {interestsError}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium leading-6 text-ink-900">Preferred dates</legend>
        <p className="text-sm text-ink-600">Up to three dates within the next year; we will confirm a time on one of them.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {dateSlots.map((i) => {
            const id = `demo-date-${i + 1}`
            return (
              <FormField key={id} id={id} label={i === 0 ? 'First choice' : i === 1 ? 'Second choice (optional)' : 'Third choice (optional)'} required={i === 0} error={dateErrors[i]}>
                <Input type="date" {...fieldA11yProps(id, { error: dateErrors[i] })} {...form.register(`preferredDates.${i}`)} required={i === 0} min={bounds?.min} max={bounds?.max} />
              </FormField>
            )
          })}
        </div>
        <FormField id="demo-timeZone" label="Time zone" required error={errors.timeZone?.message} hint="Set from your browser; change it if you will join from elsewhere.">
          <Select
            {...fieldA11yProps('demo-timeZone', { error: errors.timeZone?.message, hint: 'Set from your browser; change it if you will join from elsewhere.' })}
            {...form.register('timeZone')}
            required
          >
            {zoneOptions.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replace(/_/g, ' ')}
              </option>
            ))}
          </Select>
        </FormField>
      </fieldset>

      {/* Beside the button, where the eye is after sending (a phone shows little else). */}
      <ResultMessage result={result} />
      <Button type="submit" size="lg" loading={isSubmitting} className="w-full sm:w-auto">
        Request a demo
      </Button>
      <FormLegalNote />
    </form>
  )
}
