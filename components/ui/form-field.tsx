import type { ReactNode } from 'react'
import { cn } from '@/lib/utils'
import { Label } from './label'

export interface FieldA11yOptions {
  error?: ReactNode
  hint?: ReactNode
}

/**
 * Props for the control inside a FormField:
 * `<Input {...fieldA11yProps('email', { error, hint })} name="email" />`
 */
export function fieldA11yProps(id: string, { error, hint }: FieldA11yOptions = {}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return {
    id,
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
  }
}

export interface FormFieldProps {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: ReactNode
  /** Shows the required marker on the label; also put `required` on the control. */
  required?: boolean
  className?: string
  children: ReactNode
}

export function FormField({ id, label, hint, error, required, className, children }: FormFieldProps) {
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id} required={required}>
        {label}
      </Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
    </div>
  )
}
