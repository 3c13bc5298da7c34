import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'
import { containerClasses } from './classes'

/** Centred page column: max-w-6xl with responsive side padding. */
export function Container({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn(containerClasses, className)} {...props} />
}
