import type { ComponentProps, HTMLAttributes, Ref } from 'react'
import { cn } from '@/lib/utils'

export type CardProps = HTMLAttributes<HTMLElement> & {
  /** Element to render; use `li` inside a list of cards, `article` for self-contained items. */
  as?: 'div' | 'article' | 'section' | 'li'
  ref?: Ref<HTMLElement>
  /** Adds a hover lift, for cards that contain a primary link. */
  interactive?: boolean
}

export function Card({ as = 'div', className, interactive = false, ref, ...props }: CardProps) {
  // All allowed tags are plain HTMLElements; typed as 'div' to keep the JSX checker simple.
  const Comp = as as 'div'
  return (
    <Comp
      className={cn(
        'relative flex flex-col gap-4 rounded-2xl border border-ink-200 bg-white p-5 text-ink-900 shadow-xs sm:p-6',
        interactive &&
          'transition-[box-shadow,border-color,translate] duration-200 hover:border-brand-200 hover:shadow-lg motion-safe:hover:-translate-y-0.5',
        className,
      )}
      ref={ref as Ref<HTMLDivElement>}
      {...(props as HTMLAttributes<HTMLDivElement>)}
    />
  )
}

export function CardHeader({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('flex flex-col gap-1.5', className)} {...props} />
}

export type CardTitleProps = ComponentProps<'h3'> & {
  as?: 'h2' | 'h3' | 'h4'
}

export function CardTitle({ as: Comp = 'h3', className, ...props }: CardTitleProps) {
  return <Comp className={cn('text-lg font-semibold leading-7 text-ink-900', className)} {...props} />
}

export function CardDescription({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('text-sm leading-6 text-ink-600', className)} {...props} />
}

export function CardContent({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('flex-1 text-sm leading-6 text-ink-700 sm:text-base sm:leading-7', className)} {...props} />
}

export function CardFooter({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('mt-auto flex flex-wrap items-center gap-3 pt-2', className)} {...props} />
}
