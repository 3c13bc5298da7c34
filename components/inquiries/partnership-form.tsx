'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, type DefaultValues } from 'react-hook-form'
import { Honeypot, useFormGuard } from '@/components/forms/form-guard'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { FormLegalNote } from '@/components/legal/form-legal-note'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { submitPartnershipInquiry } from '@/lib/inquiries/actions'
import {
  companySizeValues,
  inquiryLimits,
  partnershipFieldsSchema,
  partnershipTypeLabels,
  partnershipTypeValues,
  sizeLabel,
  type PartnershipFieldsInput,
} from '@/lib/inquiries/schema'
import { FormSuccess, offline } from './form-success'

// The selects start on their "Choose" option (no value), which the schema refuses with its message.
const empty: DefaultValues<PartnershipFieldsInput> = { company: '', contactName: '', email: '', message: '' }
const emailHint = 'We reply to this address; a personal address works too.'

/** The partnership inquiry: the fields are checked here and again by the action, with one schema. */
export function PartnershipForm() {
  const guard = useFormGuard()
  const form = useForm<PartnershipFieldsInput>({ resolver: zodResolver(partnershipFieldsSchema), defaultValues: empty, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const { errors, isSubmitting } = form.formState

  const onSubmit = form.handleSubmit(async () => {
    // The values as typed: the server parses them with the same schema (and the guard's fields).
    const response = await submitPartnershipInquiry({ ...form.getValues(), ...guard.fields() }).catch(() => offline)
    applyFieldErrors(form, response)
    setResult(response)
  })

  if (result?.ok) {
    return (
      <FormSuccess
        heading="Thanks — we'll be in touch"
        message={result.message}
        againLabel="Send another inquiry"
        onAgain={() => {
          form.reset(empty)
          guard.renew()
          setResult(null)
        }}
      />
    )
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Partnership inquiry" className="relative space-y-5">
      <Honeypot inputRef={guard.honeypot} id="partnership-website" />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField form={form} name="company" label="Company" required idPrefix="partnership" maxLength={inquiryLimits.company} autoComplete="organization" />
        <TextField form={form} name="contactName" label="Your name" required idPrefix="partnership" maxLength={inquiryLimits.name} autoComplete="name" />
      </div>
      <TextField form={form} name="email" label="Work email" type="email" required idPrefix="partnership" maxLength={254} autoComplete="email" hint={emailHint} />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="partnership-companySize" label="Company size" required error={errors.companySize?.message}>
          <Select {...fieldA11yProps('partnership-companySize', { error: errors.companySize?.message })} {...form.register('companySize')} required>
            <option value="">Choose a size</option>
            {companySizeValues.map((size) => (
              <option key={size} value={size}>
                {sizeLabel(size)}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="partnership-partnershipType" label="Kind of partnership" required error={errors.partnershipType?.message}>
          <Select {...fieldA11yProps('partnership-partnershipType', { error: errors.partnershipType?.message })} {...form.register('partnershipType')} required>
            <option value="">Choose one</option>
            {partnershipTypeValues.map((type) => (
              <option key={type} value={type}>
                {partnershipTypeLabels[type]}
              </option>
            ))}
          </Select>
        </FormField>
      </div>
      <TextField
        form={form}
        name="message"
        label="Message"
        required
        multiline
        idPrefix="partnership"
        maxLength={inquiryLimits.message}
        hint="What you have in mind, in a few sentences (at least 10 characters)."
      />
      {/* Beside the button, where the eye is after sending (a phone shows little else). */}
      <ResultMessage result={result} />
      <Button type="submit" size="lg" loading={isSubmitting} className="w-full sm:w-auto">
        Send inquiry
      </Button>
      <FormLegalNote />
    </form>
  )
}
