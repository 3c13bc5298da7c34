'use client'

import { useId, useState } from 'react'
import { Input } from '@/components/ui/input'

export interface CheckboxOption {
  id: string
  label: string
}

/** A multi-select as a fieldset of checkboxes, optionally with a filter box for long lists. */
export function CheckboxList({
  legend,
  hint,
  options,
  value,
  onChange,
  max,
  error,
  filterable = false,
}: {
  legend: string
  hint?: string
  options: CheckboxOption[]
  value: string[]
  onChange: (next: string[]) => void
  max: number
  error?: string
  filterable?: boolean
}) {
  const baseId = useId()
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const shown = needle ? options.filter((o) => o.label.toLowerCase().includes(needle) || value.includes(o.id)) : options
  const describedBy = [`${baseId}-count`, hint ? `${baseId}-hint` : null, error ? `${baseId}-error` : null].filter(Boolean).join(' ')
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-ink-900">{legend}</legend>
      {hint && (
        <p id={`${baseId}-hint`} className="text-sm text-ink-600">
          {hint}
        </p>
      )}
      <p id={`${baseId}-count`} className="text-sm text-ink-600">
        {value.length} of at most {max} chosen.
      </p>
      {filterable && (
        <div className="mt-2 max-w-sm">
          <label htmlFor={`${baseId}-filter`} className="sr-only">
            Filter {legend.toLowerCase()}
          </label>
          <Input id={`${baseId}-filter`} type="search" placeholder={`Filter ${legend.toLowerCase()}`} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
      )}
      <div className="mt-2 grid max-h-72 gap-2 overflow-y-auto rounded-lg border border-ink-200 p-2 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((o) => {
          const checked = value.includes(o.id)
          return (
            <label
              key={o.id}
              className="flex items-center gap-2 rounded-lg border border-ink-200 bg-white px-3 py-2 text-sm text-ink-800 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
            >
              <input
                type="checkbox"
                checked={checked}
                disabled={!checked && value.length >= max}
                onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))}
                className="size-4 accent-brand-600"
              />
              {o.label}
            </label>
          )
        })}
        {shown.length === 0 && <p className="p-2 text-sm text-ink-600">Nothing matches “{filter}”.</p>}
      </div>
      {error && (
        <p id={`${baseId}-error`} className="mt-1 text-sm font-medium text-danger-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
    </fieldset>
  )
}
