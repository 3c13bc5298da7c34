'use client'

import { useState, useTransition } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { controlClasses } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'
import { saveAlertSettings } from '@/lib/profile/actions'
import type { AlertSettingsInput } from '@/lib/profile/schema'
import { cn } from '@/lib/utils'

export function AlertSettingsForm({ initial }: { initial: AlertSettingsInput }) {
  const [frequency, setFrequency] = useState(initial.frequency)
  const [paused, setPaused] = useState(initial.paused)
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  const [pending, start] = useTransition()
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault()
        start(async () => setResult(await saveAlertSettings({ frequency, paused })))
      }}
    >
      <div>
        <label htmlFor="alert-frequency" className="block text-sm font-medium text-ink-800">
          Email me new opportunities
        </label>
        <select id="alert-frequency" value={frequency} onChange={(e) => setFrequency(e.target.value as AlertSettingsInput['frequency'])} className={cn(controlClasses, 'mt-1')}>
          <option value="daily">Daily</option>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
          <option value="off">Never (alerts off)</option>
        </select>
      </div>
      <label className="flex items-center gap-2 text-sm text-ink-800">
        <input type="checkbox" checked={paused} onChange={(e) => setPaused(e.target.checked)} className="size-4 accent-brand-600" />
        Pause alerts for now
      </label>
      <ResultMessage result={result} />
      <Button type="submit" size="sm" loading={pending}>
        Save alert settings
      </Button>
    </form>
  )
}
