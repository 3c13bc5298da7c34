'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { controlClasses } from '@/components/ui/input'
import { cn } from '@/lib/utils'

type Suggestion = { name: string; slug: string }

async function fetchSkills(q: string): Promise<Suggestion[]> {
  const response = await fetch(`/api/skills?q=${encodeURIComponent(q)}`)
  return response.ok ? ((await response.json()) as Suggestion[]) : []
}

/**
 * Skills chosen from the skills table only: a type-ahead (native datalist) over GET /api/skills,
 * and "Add skill" accepts a name only when it matches an existing skill (its spelling is taken
 * from the table). The server checks again.
 */
export function ExistingSkillPicker({
  value,
  onChange,
  max,
  error,
  inputRef,
}: {
  value: string[]
  onChange: (skills: string[]) => void
  max: number
  error?: string
  inputRef?: React.Ref<HTMLInputElement>
}) {
  const id = useId()
  const [text, setText] = useState('')
  const [options, setOptions] = useState<Suggestion[]>([])
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  async function add() {
    const typed = text.replace(/\s+/g, ' ').trim()
    if (!typed) return setNotice('Type a skill first.')
    if (value.length >= max) return setNotice(`You can add at most ${max} skills.`)
    setBusy(true)
    try {
      const found = [...options, ...(await fetchSkills(typed))].find((o) => o.name.toLowerCase() === typed.toLowerCase())
      if (!found) return setNotice(`We could not find “${typed}”. Choose a skill from the suggestions.`)
      if (!value.some((v) => v.toLowerCase() === found.name.toLowerCase())) onChange([...value, found.name])
      setText('')
      setOptions([])
      setNotice(null)
    } finally {
      setBusy(false)
    }
  }

  const message = notice ?? error
  return (
    <div>
      <label htmlFor={`${id}-input`} className="text-sm font-medium leading-6 text-ink-900">
        Skills
        <span aria-hidden="true" className="ml-0.5 text-danger-700">
          *
        </span>
      </label>
      <p id={`${id}-hint`} className="text-sm text-ink-600">
        The skills you teach. Start typing and pick one of the suggestions, then choose Add skill. {value.length} of {max}.
      </p>
      {value.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Your skills">
          {value.map((skill) => (
            <li key={skill} className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-900">
              {skill}
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v !== skill))}
                className="grid size-7 place-items-center rounded-full text-brand-800 hover:bg-brand-100"
                aria-label={`Remove ${skill}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <input
          id={`${id}-input`}
          ref={inputRef}
          list={`${id}-options`}
          value={text}
          maxLength={60}
          autoComplete="off"
          required={value.length === 0}
          aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
          aria-invalid={message ? true : undefined}
          onChange={(e) => {
            const q = e.target.value
            setText(q)
            setNotice(null)
            clearTimeout(timer.current)
            if (!q.trim()) return setOptions([])
            timer.current = setTimeout(async () => setOptions(await fetchSkills(q)), 200)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void add()
            }
          }}
          className={cn(controlClasses, 'min-h-11')}
        />
        <datalist id={`${id}-options`}>
          {options.map((o) => (
            <option key={o.slug} value={o.name} />
          ))}
        </datalist>
        <Button type="button" variant="outline" onClick={() => void add()} loading={busy} disabled={value.length >= max} className="shrink-0">
          Add skill
        </Button>
      </div>
      {message && (
        <p id={`${id}-error`} className="mt-1.5 text-sm font-medium text-danger-700">
          <span className="sr-only">Error: </span>
          {message}
        </p>
      )}
    </div>
  )
}
