'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useTransition } from 'react'
import { buttonClasses, controlClasses } from '@/components/ui/classes'

export interface CatalogueFiltersProps {
  q: string
  category?: string
  skill?: string
  minSalary?: number
  sort: string
  categories: { slug: string; name: string; roleCount: number }[]
  skills: { slug: string; name: string }[]
  salaryOptions: number[]
}

const fieldClasses = `${controlClasses} mt-1`

const typingDelayMs = 300

/**
 * What the visitor last typed in the search box, kept outside the component: the first search
 * leaves the plain catalogue (a cached page of its own) for the search page, so the form is
 * mounted anew there, with the query of the URL it was sent to. Whatever was typed while that
 * page loaded is put back, with the focus, instead of being lost.
 */
let typed: { value: string; at: number } | null = null
const typedKeepMs = 10_000

/**
 * The catalogue's search and filters. Without JavaScript it is a plain GET form; with it, the
 * results follow the form as you type (debounced) and the URL keeps the state, so a search can be
 * shared and the back button works.
 */
export function CatalogueFilters(props: CatalogueFiltersProps) {
  const router = useRouter()
  const formRef = useRef<HTMLFormElement>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const searchRef = useRef<HTMLInputElement>(null)
  const [pending, startTransition] = useTransition()

  // Follow the URL when it changes from outside (back button, a link), unless the visitor is typing,
  // or has typed more than the URL holds in a form that was replaced meanwhile (see `typed`).
  useEffect(() => {
    const input = searchRef.current
    if (!input || document.activeElement === input) return
    const draft = typed && Date.now() - typed.at < typedKeepMs ? typed.value : null
    typed = null
    if (draft === null) {
      input.value = props.q
      return
    }
    input.value = draft
    input.focus()
    input.setSelectionRange(draft.length, draft.length)
    if (draft !== props.q) {
      clearTimeout(timer.current)
      timer.current = setTimeout(() => navigate('replace'), typingDelayMs)
    }
    // navigate reads the form and the router only; it is the same function for every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.q])
  useEffect(() => () => clearTimeout(timer.current), [])

  // Typing replaces the history entry (no entry per keystroke); a chosen filter adds one, so Back undoes it.
  function navigate(mode: 'push' | 'replace' = 'push') {
    clearTimeout(timer.current)
    const form = formRef.current
    if (!form) return
    const params = new URLSearchParams()
    for (const [key, value] of new FormData(form)) {
      const v = String(value).trim()
      if (v && !(key === 'sort' && (v === 'relevance' || v === 'title'))) params.set(key, v)
    }
    const qs = params.toString()
    startTransition(() => router[mode](qs ? `/roles?${qs}` : '/roles', { scroll: false }))
  }

  return (
    <form
      ref={formRef}
      action="/roles"
      method="get"
      role="search"
      aria-label="Search and filter roles"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault()
        navigate()
      }}
      className="grid gap-4 rounded-xl border border-ink-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      <div className="sm:col-span-2 lg:col-span-1">
        <label htmlFor="catalogue-q" className="block text-sm font-medium text-ink-800">
          Search roles and skills
        </label>
        <input
          id="catalogue-q"
          name="q"
          type="search"
          ref={searchRef}
          defaultValue={props.q}
          maxLength={200}
          autoComplete="off"
          placeholder="e.g. Python, APIs, micro…"
          onChange={(e) => {
            typed = { value: e.currentTarget.value, at: Date.now() }
            clearTimeout(timer.current)
            timer.current = setTimeout(() => navigate('replace'), typingDelayMs)
          }}
          className={fieldClasses}
        />
      </div>
      <FilterSelect id="catalogue-category" name="category" label="Category" value={props.category} onChange={() => navigate()}>
        <option value="">All categories</option>
        {props.categories.map((c) => (
          <option key={c.slug} value={c.slug}>
            {c.name} ({c.roleCount})
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="catalogue-skill" name="skill" label="Skill" value={props.skill} onChange={() => navigate()}>
        <option value="">Any skill</option>
        {props.skills.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="catalogue-min-salary" name="minSalary" label="Minimum average salary" value={props.minSalary ? String(props.minSalary) : ''} onChange={() => navigate()}>
        <option value="">Any salary</option>
        {props.salaryOptions.map((n) => (
          <option key={n} value={n}>
            ${n.toLocaleString('en-US')}+
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="catalogue-sort" name="sort" label="Sort by" value={props.sort} onChange={() => navigate()}>
        {props.q && <option value="relevance">Best match</option>}
        <option value="title">Title (A–Z)</option>
        <option value="salary">Highest salary</option>
        <option value="growth">Fastest growth</option>
      </FilterSelect>
      <button type="submit" className={`${buttonClasses()} w-full lg:w-auto`}>
        {pending ? 'Searching…' : 'Search'}
      </button>
    </form>
  )
}

function FilterSelect({
  id,
  name,
  label,
  value,
  onChange,
  children,
}: {
  id: string
  name: string
  label: string
  value?: string
  onChange: () => void
  children: React.ReactNode
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      {/* Uncontrolled with a key: the server's value wins after each navigation. */}
      <select key={value ?? ''} id={id} name={name} defaultValue={value ?? ''} onChange={onChange} className={fieldClasses}>
        {children}
      </select>
    </div>
  )
}
