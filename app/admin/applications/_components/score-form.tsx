'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { useToast } from '@/app/admin/_components/toaster'
import { applyFieldErrors, ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Select } from '@/components/ui/select'
import type { ActionResult } from '@/lib/action-result'
import { saveApplicationScore } from '@/lib/applications/admin-actions'
import type { ScoreCard } from '@/lib/applications/admin-data'
import { applicationScoreSchema } from '@/lib/applications/admin-schema'

type ScoreInput = z.input<typeof applicationScoreSchema>
type ScoreValues = z.output<typeof applicationScoreSchema>

const axes = [
  { name: 'expertise', label: 'Expertise' },
  { name: 'communication', label: 'Communication' },
  { name: 'fit', label: 'Fit' },
] as const

/** The reviewer's own 1-5 score card; saving again replaces it. */
export function ScoreForm({ id, mine }: { id: string; mine: ScoreCard | null }) {
  const router = useRouter()
  const toast = useToast()
  const [result, setResult] = useState<ActionResult<unknown> | null>(null)
  const form = useForm<ScoreInput, unknown, ScoreValues>({
    resolver: zodResolver(applicationScoreSchema),
    defaultValues: { id, expertise: mine?.expertise ?? '', communication: mine?.communication ?? '', fit: mine?.fit ?? '' },
  })

  async function submit(values: ScoreValues) {
    const response = await saveApplicationScore(values)
    applyFieldErrors(form, response)
    setResult(response.ok ? null : response)
    if (response.ok) {
      toast(response.message ?? 'Saved.')
      router.refresh()
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="grid gap-4">
      <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-1">
        {axes.map((axis) => {
          const fieldId = `score-${axis.name}`
          const error = form.formState.errors[axis.name]?.message
          return (
            <FormField key={axis.name} id={fieldId} label={axis.label} error={error} required>
              <Select {...fieldA11yProps(fieldId, { error })} {...form.register(axis.name)} required>
                <option value="">Choose…</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n} {n === 1 ? '(weak)' : n === 5 ? '(excellent)' : ''}
                  </option>
                ))}
              </Select>
            </FormField>
          )
        })}
      </div>
      <ResultMessage result={result} />
      <div>
        <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>
          {mine ? 'Update my score' : 'Save my score'}
        </Button>
      </div>
    </form>
  )
}
