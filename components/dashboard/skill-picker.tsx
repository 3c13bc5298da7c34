'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { controlClasses } from '@/components/ui/input'
import { cn } from '@/lib/utils'

/**
 * Chips for the chosen skills and an input that suggests existing skills as you type (a native
 * datalist, so keyboard and screen-reader support come from the browser). Unknown skills may be added.
 */
export function SkillPicker({ value, onChange, max, error }: { value: string[]; onChange: (skills: string[]) => void; max: number; error?: string }) {
  const id = useId()
  const [text, setText] = useState('')
  const [options, setOptions] = useState<string[]>([])
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  function add(name: string) {
    const clean = name.replace(/\s+/g, ' ').trim().slice(0, 60)
    if (!clean) return
    if (!value.some((v) => v.toLowerCase() === clean.toLowerCase()) && value.length < max) onChange([...value, clean])
    setText('')
  }

  return (
    <div>
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-ink-800">
        Skills
      </label>
      <p id={`${id}-hint`} className="text-sm text-ink-600">
        Type to find a skill, then press Enter or Add. {value.length} of {max}.
      </p>
      {value.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Your skills">
          {value.map((skill) => (
            <li key={skill} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900">
              {skill}
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v !== skill))}
                className="grid size-6 place-items-center rounded-full text-brand-800 hover:bg-brand-100"
                aria-label={`Remove ${skill}`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex gap-2">
        <input
          id={`${id}-input`}
          list={`${id}-options`}
          value={text}
          maxLength={60}
          autoComplete="off"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const q = e.target.value
            setText(q)
            clearTimeout(timer.current)
            if (!q.trim()) return setOptions([])
            timer.current = setTimeout(async () => {
              const response = await fetch(`/api/skills?q=${encodeURIComponent(q)}`)
              if (response.ok) setOptions(((await response.json()) as { name: string }[]).map((s) => s.name))
            }, 200)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add(text)
            }
          }}
          className={cn(controlClasses)}
        />
        <datalist id={`${id}-options`}>
          {options.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
        <Button type="button" variant="outline" onClick={() => add(text)} disabled={value.length >= max}>
          Add
        </Button>
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </div>
  )
}
