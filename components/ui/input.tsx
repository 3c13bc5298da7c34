import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

/** Shared look for text-like controls (input, textarea, select). */
export const controlClasses =
  'block w-full rounded-lg border border-ink-400 bg-white px-3.5 py-2.5 text-base text-ink-900 shadow-xs ' +
  'placeholder:text-ink-500 transition-colors hover:border-ink-500 focus-visible:border-brand-600 ' +
  'disabled:cursor-not-allowed disabled:border-ink-300 disabled:bg-ink-100 disabled:text-ink-600 ' +
  'aria-invalid:border-danger-600 aria-invalid:hover:border-danger-700 ' +
  'aria-invalid:[--focus-ring:var(--color-danger-600)]'

export type InputProps = ComponentProps<'input'>

export function Input({ className, type = 'text', ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, 'min-h-11 read-only:bg-ink-50', className)} {...props} />
}
