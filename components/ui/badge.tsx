import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'

export type BadgeVariant = 'neutral' | 'brand' | 'success' | 'warning' | 'danger'

export function badgeVariants({ variant = 'neutral', className }: { variant?: BadgeVariant; className?: string } = {}) {
  // .badge and .badge-<variant> are defined once in app/globals.css (components layer).
  return cn('badge', `badge-${variant}`, className)
}

export type BadgeProps = ComponentProps<'span'> & { variant?: BadgeVariant }

export function Badge({ variant, className, ...props }: BadgeProps) {
  return <span className={badgeVariants({ variant, className })} {...props} />
}
