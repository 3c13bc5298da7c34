import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

export type LabelProps = ComponentProps<'label'> & {
  /** Shows a visual asterisk. Put `required` on the control itself so assistive tech announces it. */
  required?: boolean
}

export function Label({ className, required, children, ...props }: LabelProps) {
  return (
    <label className={cn('text-sm font-medium leading-6 text-ink-900', className)} {...props}>
      {children}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-danger-700">
          *
        </span>
      ) : null}
    </label>
  )
}
