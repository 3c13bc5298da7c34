import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'
import { controlClasses } from './classes'

export { controlClasses }

export type InputProps = ComponentProps<'input'>

export function Input({ className, type = 'text', ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, 'min-h-11 read-only:bg-ink-50', className)} {...props} />
}
