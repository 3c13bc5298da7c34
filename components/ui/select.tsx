import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'
import { controlClasses } from './input'

export type SelectProps = ComponentProps<'select'> & {
  /** Classes for the wrapper that positions the chevron. */
  wrapperClassName?: string
}

/** Native <select> with the shared control styling and a custom chevron. */
export function Select({ className, wrapperClassName, children, multiple, ...props }: SelectProps) {
  return (
    <div className={cn('relative', wrapperClassName)}>
      <select
        multiple={multiple}
        className={cn(controlClasses, 'min-h-11 appearance-none', !multiple && 'pr-10', className)}
        {...props}
      >
        {children}
      </select>
      {multiple ? null : (
        <svg
          viewBox="0 0 20 20"
          fill="currentColor"
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 size-5 -translate-y-1/2 text-ink-500"
        >
          <path
            fillRule="evenodd"
            d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
            clipRule="evenodd"
          />
        </svg>
      )}
    </div>
  )
}
