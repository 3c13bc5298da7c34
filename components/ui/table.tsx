import { useId, type ComponentProps, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

export type TableProps = ComponentProps<'table'> & {
  /** Table caption; also names the scrollable region. */
  caption?: ReactNode
  /** Keep the caption for screen readers only. */
  hideCaption?: boolean
  /** Accessible name for the scroll region when there is no caption. */
  regionLabel?: string
  wrapperClassName?: string
}

/**
 * Table in a horizontally scrollable, keyboard-focusable wrapper (so wide tables work on a 360px phone).
 * The wrapper becomes a named region only when a caption or regionLabel is given.
 */
export function Table({ caption, hideCaption = false, regionLabel, wrapperClassName, className, children, ...props }: TableProps) {
  const captionId = useId()
  const named = Boolean(caption || regionLabel)
  return (
    <div
      className={cn('relative w-full overflow-x-auto rounded-2xl border border-ink-200 bg-white shadow-xs', wrapperClassName)}
      {...(named
        ? {
            role: 'region',
            tabIndex: 0,
            'aria-labelledby': caption ? captionId : undefined,
            'aria-label': caption ? undefined : regionLabel,
          }
        : {})}
    >
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props}>
        {caption ? (
          <caption
            id={captionId}
            className={cn(hideCaption ? 'sr-only' : 'px-4 py-3 text-left text-sm font-medium text-ink-700 sm:px-5')}
          >
            {caption}
          </caption>
        ) : null}
        {children}
      </table>
    </div>
  )
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('border-b border-ink-200 bg-ink-50', className)} {...props} />
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('divide-y divide-ink-200', className)} {...props} />
}

export function TR({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={cn('transition-colors', className)} {...props} />
}

export type THProps = ComponentProps<'th'>

export function TH({ className, scope = 'col', ...props }: THProps) {
  return (
    <th
      scope={scope}
      className={cn(
        'px-4 py-3 font-semibold text-ink-700 sm:px-5',
        scope === 'col' || scope === 'colgroup'
          ? 'align-bottom text-xs tracking-wide whitespace-nowrap uppercase'
          : 'align-top text-sm text-ink-900',
        className,
      )}
      {...props}
    />
  )
}

export function TD({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-3 align-top text-ink-700 sm:px-5', className)} {...props} />
}
