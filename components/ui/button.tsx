import type { ComponentProps } from 'react'
import { cn } from '@/lib/utils'
import { buttonClasses, type ButtonSize, type ButtonVariant } from './classes'

export type { ButtonSize, ButtonVariant }

export interface ButtonVariantOptions {
  variant?: ButtonVariant
  size?: ButtonSize
  /** Stretch to the full width of the container. */
  fullWidth?: boolean
  className?: string
}

/** Class string for anything that should look like a button, e.g. `<Link className={buttonVariants()}>`. */
export function buttonVariants({ variant = 'primary', size = 'md', fullWidth = false, className }: ButtonVariantOptions = {}) {
  return cn(buttonClasses({ variant, size, fullWidth }), className)
}

export type ButtonProps = ComponentProps<'button'> &
  Omit<ButtonVariantOptions, 'className'> & {
    /** Shows a spinner, sets aria-busy and disables the button. */
    loading?: boolean
  }

export function Button({
  variant,
  size,
  fullWidth,
  loading = false,
  className,
  type = 'button',
  disabled,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonVariants({ variant, size, fullWidth, className })}
      {...props}
    >
      {loading ? (
        <svg viewBox="0 0 24 24" fill="none" aria-hidden="true" className="motion-safe:animate-spin">
          <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
          <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
        </svg>
      ) : null}
      {children}
    </button>
  )
}
