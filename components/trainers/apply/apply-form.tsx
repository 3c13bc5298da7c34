'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { getSession } from 'next-auth/react'
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Controller, useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form'
import { Honeypot, useFormGuard } from '@/components/forms/form-guard'
import { ResultMessage, TextField, toFormData } from '@/components/forms/form-kit'
import { FormLegalNote } from '@/components/legal/form-legal-note'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { applicantStatus, submitApplication, type ApplicantStatus } from '@/lib/applications/actions'
import {
  countries,
  countryName,
  emptyApplication,
  formatDay,
  limits,
  offerLabels,
  quickCvError,
  splitLanguages,
  stepFields,
  stepSchemas,
  type ApplicationFormValues,
} from '@/lib/applications/schema'
import { cn } from '@/lib/utils'
import { AccountPanel } from './account-panel'
import { ExistingSkillPicker } from './existing-skill-picker'

type RoleOption = { slug: string; title: string }

const steps = [
  { label: 'About you', heading: 'About you' },
  { label: 'Expertise', heading: 'Your expertise' },
  { label: 'Experience', heading: 'Your experience' },
  { label: 'Motivation', heading: 'Motivation and availability' },
  { label: 'Review', heading: 'Review and submit' },
] as const
const reviewStep = steps.length - 1

const draftKey = 'skillsu:trainer-application:draft:v1'
/** The guard refuses faster submits as a bot's (lib/forms/guard.ts); a person with a restored draft can be that quick. */
const minimumFillMs = 10_500

type Draft = { values: ApplicationFormValues; step: number; hadCv: boolean }

function readDraft(): Draft | null {
  try {
    const raw = window.localStorage.getItem(draftKey)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<Draft>
    const values = { ...emptyApplication }
    const source = (parsed.values ?? {}) as Record<string, unknown>
    for (const key of Object.keys(emptyApplication) as (keyof ApplicationFormValues)[]) {
      const v = source[key]
      if (Array.isArray(emptyApplication[key])) {
        if (Array.isArray(v)) (values[key] as string[]) = v.filter((x): x is string => typeof x === 'string').slice(0, 50)
      } else if (typeof v === 'string') (values[key] as string) = v.slice(0, 5000)
    }
    const step = Number.isInteger(parsed.step) ? Math.min(Math.max(parsed.step!, 0), reviewStep) : 0
    return { values, step, hadCv: parsed.hadCv === true }
  } catch {
    return null
  }
}

function writeDraft(draft: Draft) {
  try {
    window.localStorage.setItem(draftKey, JSON.stringify(draft))
  } catch {
    // Private mode or a full storage: the form still works, only without a draft.
  }
}

function clearDraft() {
  try {
    window.localStorage.removeItem(draftKey)
  } catch {
    // nothing to clear
  }
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`)

export function ApplyForm({ roles }: { roles: RoleOption[] }) {
  const router = useRouter()
  const [step, setStepState] = useState(0)
  /** The step the resolver validates (read outside render). */
  const stepRef = useRef(0)
  const setStep = useCallback((n: number) => {
    stepRef.current = n
    setStepState(n)
  }, [])
  const headingRef = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)
  const guard = useFormGuard()
  const shownAt = useRef(0)

  const resolver = useCallback<Resolver<ApplicationFormValues>>((values, context, options) => {
    const schema = stepSchemas[stepRef.current as 0 | 1 | 2 | 3]
    if (!schema) return { values, errors: {} }
    return (zodResolver(schema as never) as unknown as Resolver<ApplicationFormValues>)(values, context, options)
  }, [])
  const form = useForm<ApplicationFormValues>({ defaultValues: emptyApplication, resolver, mode: 'onTouched', shouldFocusError: false })

  const [cv, setCv] = useState<File | null>(null)
  const [cvError, setCvError] = useState<string | null>(null)
  const cvInput = useRef<HTMLInputElement>(null)
  const [restored, setRestored] = useState<{ hadCv: boolean } | null>(null)
  const [loaded, setLoaded] = useState(false)

  const [status, setStatus] = useState<ApplicantStatus | undefined>(undefined)
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  const [sending, setSending] = useState(false)

  const refreshStatus = useCallback(async () => {
    const session = await getSession()
    if (!session?.user) return setStatus(null)
    const answer = await applicantStatus()
    setStatus(answer.ok ? answer.data : null)
  }, [])

  // Restore the draft and ask who is signed in, once the form is shown in this browser.
  // (localStorage is only readable in the browser, after hydration.)
  useEffect(() => {
    shownAt.current = performance.now()
    void Promise.resolve(readDraft()).then((draft) => {
      if (draft) {
        form.reset(draft.values)
        setStep(draft.step)
        setRestored({ hadCv: draft.hadCv })
      }
      setLoaded(true)
    })
    void Promise.resolve()
      .then(refreshStatus)
      .catch(() => setStatus(null))
  }, [form, refreshStatus, setStep])

  // Keep the draft: every change, and the step (never the CV file).
  const values = { ...emptyApplication, ...(useWatch({ control: form.control }) as Partial<ApplicationFormValues>) }
  const draftJson = JSON.stringify(values)
  useEffect(() => {
    if (!loaded) return
    writeDraft({ values: JSON.parse(draftJson) as ApplicationFormValues, step, hadCv: !!cv || !!restored?.hadCv })
  }, [draftJson, step, cv, loaded, restored])

  // Focus the new step's heading (not on the first render).
  useEffect(() => {
    if (!moved.current) return
    headingRef.current?.focus()
  }, [step])

  function goTo(next: number) {
    moved.current = true
    setResult(null)
    setStep(next)
  }

  // Validates this step's fields (the resolver follows the step); after the first try, a field's
  // message goes away as soon as it is corrected (react-hook-form re-validates on change).
  function next(event: React.FormEvent) {
    void form.handleSubmit(() => {
      if (step === 2 && cvError) {
        cvInput.current?.focus()
        return
      }
      goTo(step + 1)
    }, (errors) => {
      // The first field of this step with a message, in the order they are shown.
      const first = stepFields[step]!.find((n) => n !== 'cv' && n in errors) as FieldPath<ApplicationFormValues> | undefined
      if (first) window.setTimeout(() => form.setFocus(first), 0)
    })(event)
  }

  async function pickCv(file: File | undefined) {
    setCvError(null)
    if (!file) return setCv(null)
    const error = quickCvError(file.size, new Uint8Array(await file.slice(0, 5).arrayBuffer()))
    if (error) {
      setCv(null)
      setCvError(error)
      if (cvInput.current) cvInput.current.value = ''
      return
    }
    setCv(file)
    setRestored((r) => (r ? { ...r, hadCv: false } : r))
  }

  function removeCv() {
    setCv(null)
    setCvError(null)
    if (cvInput.current) cvInput.current.value = ''
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    if (!status || sending) return
    setSending(true)
    setResult(null)
    try {
      const wait = minimumFillMs - (performance.now() - shownAt.current)
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      const data = toFormData({ ...form.getValues(), ...guard.fields() } as unknown as Record<string, unknown>)
      if (cv) data.set('cv', cv)
      const answer = await submitApplication(data)
      if (answer.ok) {
        clearDraft()
        guard.renew()
        router.push(answer.data.id ? `/dashboard/applications/${answer.data.id}` : '/dashboard/applications')
        return
      }
      setResult(answer)
      if (answer.fieldErrors) {
        const fields = Object.keys(answer.fieldErrors).map((k) => k.split('.')[0]!)
        const firstStep = stepFields.findIndex((names) => names.some((n) => fields.includes(n)))
        for (const [key, messages] of Object.entries(answer.fieldErrors)) {
          const name = key.split('.')[0]!
          if (name === 'cv') setCvError(messages[0] ?? null)
          else if (name in emptyApplication) form.setError(name as FieldPath<ApplicationFormValues>, { type: 'server', message: messages[0] })
        }
        if (fields.includes('cv')) setCv(null)
        if (firstStep >= 0) {
          goTo(firstStep)
          // goTo clears the result: keep the summary visible above the step.
          setResult(answer)
        }
      } else {
        await refreshStatus()
      }
    } finally {
      setSending(false)
    }
  }

  const errors = form.formState.errors
  const errorOf = (name: keyof ApplicationFormValues) => errors[name]?.message as string | undefined
  const eligibility = status?.eligibility

  return (
    <div className="relative">
      <Honeypot inputRef={guard.honeypot} id="apply-website-confirm" />
      <nav aria-label="Application progress">
        <p className="text-sm font-semibold text-brand-800">
          Step {step + 1} of {steps.length}
        </p>
        <ol className="mt-3 grid grid-cols-5 gap-1.5 sm:gap-2">
          {steps.map((s, i) => (
            <li key={s.label} aria-current={i === step ? 'step' : undefined} className="min-w-0">
              <span className={cn('block h-1.5 rounded-full', i < step ? 'bg-brand-600' : i === step ? 'bg-brand-400' : 'bg-ink-200')} aria-hidden="true" />
              <span className={cn('mt-2 block truncate text-xs sm:text-sm', i === step ? 'font-semibold text-ink-950' : 'text-ink-600')}>
                <span className="sr-only">{i < step ? 'Done: ' : i === step ? 'Current: ' : 'Next: '}</span>
                {s.label}
              </span>
            </li>
          ))}
        </ol>
      </nav>

      {restored && (
        <div role="status" className="mt-6 rounded-lg border border-brand-200 bg-brand-50 px-4 py-3 text-sm text-brand-900">
          We restored the answers you gave in this browser.
          {restored.hadCv && ' Your CV file is not kept between visits: choose it again in the Experience step.'}{' '}
          <button
            type="button"
            className="font-semibold underline underline-offset-4"
            onClick={() => {
              clearDraft()
              form.reset(emptyApplication)
              removeCv()
              setRestored(null)
              goTo(0)
            }}
          >
            Start over
          </button>
        </div>
      )}

      {eligibility && !eligibility.canApply && (
        <div role="status" className="mt-6 rounded-lg border border-warning-200 bg-warning-50 px-4 py-3 text-sm text-ink-900">
          {eligibility.reason === 'open' ? (
            <>
              You already have an application in progress.{' '}
              <Link href={`/dashboard/applications/${eligibility.openId}`} className="font-semibold text-brand-800 underline underline-offset-4">
                Follow your application
              </Link>
            </>
          ) : (
            <>You can apply again on {formatDay(eligibility.reapplyOn)}.</>
          )}
        </div>
      )}

      <div className="mt-8 rounded-2xl border border-ink-200 bg-white p-5 shadow-xs sm:p-8">
        <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-ink-950 focus:outline-none">
          {steps[step]!.heading}
        </h2>
        {step < reviewStep && <ResultMessage result={result} className="mt-4" />}

        {step < reviewStep ? (
          <form onSubmit={next} noValidate className="mt-6 space-y-6">
            {step === 0 && (
              <>
                <p className="text-ink-700">Tell us who you are. Fields marked with * are required.</p>
                <TextField form={form} name="fullName" label="Full name" autoComplete="name" required maxLength={100} idPrefix="apply" />
                <TextField form={form} name="email" label="Email" type="email" autoComplete="email" required maxLength={254} idPrefix="apply" hint="The address we can reach you at about this application." />
                <FormField id="apply-country" label="Country" required error={errorOf('country')} hint="Where you live and work.">
                  <Select {...fieldA11yProps('apply-country', { error: errorOf('country'), hint: 'x' })} {...form.register('country')} required autoComplete="country">
                    <option value="">Choose a country</option>
                    {countries.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                </FormField>
                <TextField form={form} name="languages" label="Languages" required maxLength={400} idPrefix="apply" hint={`The languages you teach in, separated by commas (for example: English, German). Up to ${limits.languages}.`} />
              </>
            )}

            {step === 1 && (
              <>
                <Controller
                  control={form.control}
                  name="offers"
                  render={({ field, fieldState }) => (
                    <CheckboxGroup
                      id="apply-offers"
                      legend="What you offer"
                      hint="Choose everything that applies."
                      required
                      options={Object.entries(offerLabels).map(([value, label]) => ({ value, label }))}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name="skills"
                  render={({ field, fieldState }) => <ExistingSkillPicker value={field.value} onChange={field.onChange} max={limits.skills} error={fieldState.error?.message} inputRef={field.ref} />}
                />
                <Controller
                  control={form.control}
                  name="roles"
                  render={({ field, fieldState }) => (
                    <CheckboxGroup
                      id="apply-roles"
                      legend="Roles you prepare people for"
                      hint={`Optional. Up to ${limits.roles}.`}
                      options={roles.map((r) => ({ value: r.slug, label: r.title }))}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      error={fieldState.error?.message}
                      columns
                    />
                  )}
                />
                <TextField form={form} name="yearsExperience" label="Years of experience" type="number" inputMode="numeric" min={0} max={60} required idPrefix="apply" className="max-w-48" hint="Teaching, coaching or consulting, in whole years." />
              </>
            )}

            {step === 2 && (
              <>
                <TextField form={form} name="headline" label="Headline" required maxLength={140} idPrefix="apply" hint="One line that sums up what you do, e.g. “Cloud architect and AWS trainer”." />
                <TextField form={form} name="bio" label="Short bio" multiline required maxLength={limits.bio} idPrefix="apply" hint="50 to 2,000 characters: your background, who you have taught, and how." />
                <div className="grid gap-6 sm:grid-cols-2">
                  <TextField form={form} name="linkedinUrl" label="LinkedIn profile" type="url" maxLength={300} idPrefix="apply" hint="Optional. https://www.linkedin.com/in/…" />
                  <TextField form={form} name="websiteUrl" label="Website" type="url" maxLength={300} idPrefix="apply" hint="Optional. Must start with https://" />
                </div>
                <FormField
                  id="apply-cv"
                  label="CV (PDF, up to 5 MB)"
                  error={cvError ?? undefined}
                  hint="Optional, but it helps us review your application. We keep your other answers in this browser if you reload the page, but not the file: after a reload, choose the CV again."
                >
                  <input
                    {...fieldA11yProps('apply-cv', { error: cvError ?? undefined, hint: 'x' })}
                    ref={cvInput}
                    type="file"
                    accept="application/pdf,.pdf"
                    onChange={(e) => void pickCv(e.target.files?.[0])}
                    className="block w-full rounded-lg border border-dashed border-ink-400 bg-ink-50 px-3 py-3 text-sm text-ink-800 file:mr-4 file:min-h-9 file:rounded-md file:border-0 file:bg-brand-600 file:px-4 file:font-semibold file:text-white hover:file:bg-brand-700"
                  />
                </FormField>
                {cv && (
                  <p className="flex flex-wrap items-center gap-3 text-sm text-success-800" role="status">
                    <span>
                      {cv.name} is ready to send. <span className="text-ink-600">({formatBytes(cv.size)})</span>
                    </span>
                    <Button type="button" variant="ghost" size="sm" onClick={removeCv}>
                      Remove CV
                    </Button>
                  </p>
                )}
              </>
            )}

            {step === 3 && (
              <>
                <TextField
                  form={form}
                  name="motivation"
                  label="Motivation"
                  multiline
                  required
                  maxLength={limits.motivation}
                  idPrefix="apply"
                  hint="Why do you want to join SkillsU? What would you like to teach, and to whom? At least 30 characters."
                />
                <TextField
                  form={form}
                  name="availability"
                  label="Availability"
                  multiline
                  required
                  maxLength={limits.availability}
                  idPrefix="apply"
                  hint="How much time you can give, when, and where (remote or on site)."
                />
              </>
            )}

            <div className="flex flex-col-reverse gap-3 border-t border-ink-100 pt-6 sm:flex-row sm:justify-between">
              {step > 0 ? (
                <Button type="button" variant="outline" onClick={() => goTo(step - 1)}>
                  Back
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit">Continue</Button>
            </div>
          </form>
        ) : (
          <div className="mt-6 space-y-8">
            <p className="text-ink-700">Check your answers. You can change any of them before you send the application.</p>
            <ReviewSection title="About you" onEdit={() => goTo(0)}>
              <ReviewItem term="Full name">{values.fullName}</ReviewItem>
              <ReviewItem term="Email">{values.email}</ReviewItem>
              <ReviewItem term="Country">{values.country ? countryName(values.country) : '—'}</ReviewItem>
              <ReviewItem term="Languages">{splitLanguages(values.languages ?? '').join(', ') || '—'}</ReviewItem>
            </ReviewSection>
            <ReviewSection title="Expertise" onEdit={() => goTo(1)}>
              <ReviewItem term="What you offer">{(values.offers ?? []).map((o) => offerLabels[o as keyof typeof offerLabels] ?? o).join(', ') || '—'}</ReviewItem>
              <ReviewItem term="Skills">{(values.skills ?? []).join(', ') || '—'}</ReviewItem>
              <ReviewItem term="Roles you prepare people for">{(values.roles ?? []).map((slug) => roles.find((r) => r.slug === slug)?.title ?? slug).join(', ') || 'None chosen'}</ReviewItem>
              <ReviewItem term="Years of experience">{values.yearsExperience}</ReviewItem>
            </ReviewSection>
            <ReviewSection title="Experience" onEdit={() => goTo(2)}>
              <ReviewItem term="Headline">{values.headline}</ReviewItem>
              <ReviewItem term="Short bio">
                <span className="whitespace-pre-line">{values.bio}</span>
              </ReviewItem>
              <ReviewItem term="LinkedIn profile">{values.linkedinUrl || 'Not given'}</ReviewItem>
              <ReviewItem term="Website">{values.websiteUrl || 'Not given'}</ReviewItem>
              <ReviewItem term="CV">{cv ? `${cv.name} (${formatBytes(cv.size)})` : restored?.hadCv ? 'Not attached: choose it again in the Experience step' : 'No CV attached'}</ReviewItem>
            </ReviewSection>
            <ReviewSection title="Motivation and availability" onEdit={() => goTo(3)}>
              <ReviewItem term="Motivation">
                <span className="whitespace-pre-line">{values.motivation}</span>
              </ReviewItem>
              <ReviewItem term="Availability">
                <span className="whitespace-pre-line">{values.availability}</span>
              </ReviewItem>
            </ReviewSection>

            <AccountPanel applicant={status ?? null} checking={status === undefined} defaults={{ name: values.fullName ?? '', email: values.email ?? '' }} onSignedIn={async () => {
              await refreshStatus()
              router.refresh()
            }} />

            <ResultMessage result={result} />
            <form onSubmit={submit} noValidate className="flex flex-col-reverse gap-3 border-t border-ink-100 pt-6 sm:flex-row sm:items-start sm:justify-between">
              <Button type="button" variant="outline" onClick={() => goTo(reviewStep - 1)}>
                Back
              </Button>
              <div className="flex flex-col gap-2 sm:items-end">
                <Button type="submit" size="lg" loading={sending} disabled={!status || (eligibility && !eligibility.canApply)} aria-describedby={!status ? 'apply-submit-hint' : undefined}>
                  Submit application
                </Button>
                {!status && (
                  <p id="apply-submit-hint" className="text-sm text-ink-600">
                    Sign in or create an account above to send your application.
                  </p>
                )}
                <FormLegalNote className="sm:text-right" />
              </div>
            </form>
          </div>
        )}
      </div>
    </div>
  )
}

function CheckboxGroup({
  id,
  legend,
  hint,
  required,
  options,
  value,
  onChange,
  onBlur,
  inputRef,
  error,
  columns,
}: {
  id: string
  legend: string
  hint?: string
  required?: boolean
  options: { value: string; label: string }[]
  value: string[]
  onChange: (v: string[]) => void
  onBlur: () => void
  inputRef: React.Ref<HTMLInputElement>
  error?: string
  columns?: boolean
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium leading-6 text-ink-900">
        {legend}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger-700">
            *
          </span>
        )}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-ink-600">
          {hint}
        </p>
      )}
      <div className={cn('mt-3 grid gap-2', columns ? 'sm:grid-cols-2 lg:grid-cols-3' : 'sm:grid-cols-3')}>
        {options.map((o, i) => {
          const checked = value.includes(o.value)
          return (
            <label
              key={o.value}
              className={cn(
                'flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border px-3 py-2 text-sm text-ink-900 transition-colors',
                checked ? 'border-brand-500 bg-brand-50' : 'border-ink-300 bg-white hover:border-ink-400',
              )}
            >
              <input
                ref={i === 0 ? inputRef : undefined}
                type="checkbox"
                value={o.value}
                checked={checked}
                onBlur={onBlur}
                onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
                className="size-4 shrink-0 accent-brand-600"
              />
              {o.label}
            </label>
          )
        })}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-danger-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
    </fieldset>
  )
}

function ReviewSection({ title, onEdit, children }: { title: string; onEdit: () => void; children: React.ReactNode }) {
  return (
    <section aria-label={title}>
      <div className="flex items-baseline justify-between gap-3 border-b border-ink-100 pb-2">
        <h3 className="text-lg font-semibold text-ink-950">{title}</h3>
        <button type="button" onClick={onEdit} className="min-h-11 text-sm font-semibold text-brand-700 underline-offset-4 hover:underline" aria-label={`Edit ${title.toLowerCase()}`}>
          Edit
        </button>
      </div>
      <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">{children}</dl>
    </section>
  )
}

function ReviewItem({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-sm font-medium text-ink-600">{term}</dt>
      <dd className="break-words text-ink-900">{children || '—'}</dd>
    </>
  )
}
