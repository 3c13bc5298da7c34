'use client'

import { useEffect, useRef, type ReactNode } from 'react'
import { get, useFormState, type FieldErrors } from 'react-hook-form'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import type { RoleContentInput } from '@/lib/roles/schema'
import { cn } from '@/lib/utils'

/** The DOM id of a form field, from its dotted path: `salary.max` -> `role-salary-max`. */
export const fieldId = (name: string) => `role-${name.replace(/\W+/g, '-')}`

/** Empty number inputs mean "no figure" (null) for the nullable numbers. */
export const nullableNumber = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v)) }
/** A required number: empty is NaN so the schema reports it (Number('') would be 0). */
export const requiredNumber = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? Number.NaN : Number(v)) }
/** Optional values (absent rather than null): empty input means the key is left out. */
export const optionalNumber = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v)) }
export const optionalText = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? undefined : String(v)) }
export const nullableText = { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : String(v)) }

/** The message of the error at a dotted path, including the whole-list errors of arrays. */
export function errorAt(errors: FieldErrors<RoleContentInput>, name: string): string | undefined {
  const e = get(errors, name) as { message?: unknown; root?: { message?: unknown } } | undefined
  const message = e?.message ?? e?.root?.message
  return typeof message === 'string' ? message : undefined
}

type A11y = ReturnType<typeof fieldA11yProps>

/** A labelled control with its hint and its error (client or server) beside it. */
export function Field({
  name,
  label,
  hint,
  required,
  className,
  children,
}: {
  name: string
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  className?: string
  children: (a11y: A11y) => ReactNode
}) {
  const { errors } = useFormState<RoleContentInput>({ name: name as never })
  const id = fieldId(name)
  const error = errorAt(errors, name)
  return (
    <FormField id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {children(fieldA11yProps(id, { error, hint }))}
    </FormField>
  )
}

/** A whole-list error (e.g. "Each skill only once"), announced with the list. */
export function ListError({ name }: { name: string }) {
  const { errors } = useFormState<RoleContentInput>({ name: name as never })
  const error = errorAt(errors, name)
  if (!error) return null
  return (
    <p id={`${fieldId(name)}-error`} className="text-sm font-medium text-danger-700">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  )
}

/** Short, readable name of a list item for the accessible names of its buttons. */
export function itemName(text: string | undefined, fallback: string) {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim()
  if (!clean) return fallback
  return clean.length > 48 ? `${clean.slice(0, 45)}…` : clean
}

/**
 * Focus that follows an item after it moves or disappears: the buttons are found by id after the
 * list re-renders, so keyboard users keep their place.
 */
export function useFocusAfterRender() {
  const pending = useRef<string | null>(null)
  useEffect(() => {
    if (!pending.current) return
    const target = document.getElementById(pending.current)
    pending.current = null
    if (target instanceof HTMLElement && !(target as HTMLButtonElement).disabled) target.focus()
  })
  return (id: string) => {
    pending.current = id
  }
}

/** Move up / Move down / Remove for one item of an ordered list (keyboard and mouse alike). */
export function ItemControls({
  listId,
  index,
  count,
  name,
  onMove,
  onRemove,
  focusLater,
}: {
  listId: string
  index: number
  count: number
  /** What the item is called, e.g. 'API Integration'. */
  name: string
  onMove: (from: number, to: number) => void
  onRemove: (index: number) => void
  focusLater: (id: string) => void
}) {
  const id = (i: number, what: 'up' | 'down' | 'remove') => `${listId}-${i}-${what}`
  const move = (to: number) => {
    onMove(index, to)
    // Stay on the same button of the moved item; at either end, on the one still usable.
    const up = to < index
    const edge = up ? to === 0 : to === count - 1
    focusLater(id(to, edge ? (up ? 'down' : 'up') : up ? 'up' : 'down'))
  }
  const remove = () => {
    onRemove(index)
    if (count === 1) focusLater(`${listId}-add`)
    else focusLater(id(Math.min(index, count - 2), 'remove'))
  }
  return (
    <div className="flex flex-wrap gap-2">
      <Button id={id(index, 'up')} size="sm" variant="outline" disabled={index === 0} onClick={() => move(index - 1)}>
        {/* One flex item, so the button's gap does not split the words */}
        <span>
          Move<span className="sr-only"> &apos;{name}&apos;</span> up
        </span>
      </Button>
      <Button id={id(index, 'down')} size="sm" variant="outline" disabled={index === count - 1} onClick={() => move(index + 1)}>
        <span>
          Move<span className="sr-only"> &apos;{name}&apos;</span> down
        </span>
      </Button>
      <Button id={id(index, 'remove')} size="sm" variant="ghost" className="text-danger-700" onClick={remove}>
        <span>
          Remove<span className="sr-only"> &apos;{name}&apos;</span>
        </span>
      </Button>
    </div>
  )
}

/** One item of an ordered list: a fieldset whose legend numbers it, its fields, then its controls. */
export function ListItem({ legend, controls, children, className }: { legend: string; controls: ReactNode; children: ReactNode; className?: string }) {
  return (
    <li className={cn('rounded-xl border border-ink-200 bg-ink-50/50 p-3 sm:p-4', className)}>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-sm font-semibold text-ink-800">{legend}</legend>
        {children}
        {controls}
      </fieldset>
    </li>
  )
}

export function AddButton({ listId, onClick, disabled, children }: { listId: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  return (
    <Button id={`${listId}-add`} size="sm" variant="secondary" onClick={onClick} disabled={disabled} className="self-start">
      {children}
    </Button>
  )
}

/** A section of the editor, in the public page's order. */
export function EditorSection({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold text-ink-950">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-ink-600">{description}</p> : null}
      <div className="mt-4 flex flex-col gap-5">{children}</div>
    </section>
  )
}
