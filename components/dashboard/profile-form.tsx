'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { applyFieldErrors, ResultMessage, TextField } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'
import { saveProfile } from '@/lib/profile/actions'
import { maxProfileSkills, maxTargetRoles, profileSchema, type ProfileInput } from '@/lib/profile/schema'
import { SkillPicker } from './skill-picker'

export function ProfileForm({ initial, roles }: { initial: ProfileInput; roles: { slug: string; title: string; category: string }[] }) {
  const router = useRouter()
  const form = useForm<ProfileInput>({ resolver: zodResolver(profileSchema), defaultValues: initial, mode: 'onTouched' })
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const { errors, isDirty, isSubmitting } = form.formState

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!isDirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [isDirty])

  const onSubmit = form.handleSubmit(async (values) => {
    const response = await saveProfile(values)
    applyFieldErrors(form, response)
    setResult(response)
    if (response.ok) {
      form.reset(values)
      router.refresh()
    }
  })

  const yearsError = errors.yearsExperience?.message
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ResultMessage result={result} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField form={form} name="name" label="Name" autoComplete="name" required idPrefix="profile" maxLength={100} />
        <TextField form={form} name="headline" label="Headline" idPrefix="profile" maxLength={120} placeholder="e.g. Junior back-end developer" />
        <TextField form={form} name="location" label="Location" idPrefix="profile" maxLength={100} autoComplete="address-level2" />
        <FormField id="profile-years" label="Years of experience" error={yearsError}>
          <Input
            {...fieldA11yProps('profile-years', { error: yearsError })}
            type="number"
            inputMode="numeric"
            min={0}
            max={70}
            step={1}
            {...form.register('yearsExperience', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) })}
          />
        </FormField>
      </div>
      <TextField form={form} name="bio" label="Short bio" multiline idPrefix="profile" maxLength={1000} hint="Up to 1,000 characters." />
      <Controller
        control={form.control}
        name="skills"
        render={({ field }) => <SkillPicker value={field.value} onChange={field.onChange} max={maxProfileSkills} error={errors.skills?.message ?? errors.skills?.[0]?.message} />}
      />
      <Controller
        control={form.control}
        name="targetRoles"
        render={({ field }) => (
          <fieldset aria-describedby="target-roles-hint">
            <legend className="text-sm font-medium text-ink-800">Target roles</legend>
            <p id="target-roles-hint" className="text-sm text-ink-600">
              Choose up to {maxTargetRoles}; your dashboard shows the skill gap for each. {field.value.length} chosen.
            </p>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {roles.map((r) => {
                const checked = field.value.includes(r.slug)
                return (
                  <label key={r.slug} className="flex items-center gap-2 rounded-lg border border-ink-200 bg-white px-3 py-2 text-sm text-ink-800 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && field.value.length >= maxTargetRoles}
                      onChange={(e) => field.onChange(e.target.checked ? [...field.value, r.slug] : field.value.filter((s) => s !== r.slug))}
                      className="size-4 accent-brand-600"
                    />
                    {r.title}
                  </label>
                )
              })}
            </div>
            {errors.targetRoles?.message && <p className="mt-1 text-sm font-medium text-danger-700">{errors.targetRoles.message}</p>}
          </fieldset>
        )}
      />
      <label className="flex items-center gap-2 text-sm text-ink-800">
        <input type="checkbox" {...form.register('isPublic')} className="size-4 accent-brand-600" />
        Make my profile visible to SkillsU partners and trainers
      </label>
      <div className="flex items-center gap-4">
        <Button type="submit" loading={isSubmitting}>
          Save profile
        </Button>
        {isDirty && <span className="text-sm text-ink-600">You have unsaved changes.</span>}
      </div>
    </form>
  )
}
