/**
 * The primitives' class names as plain strings, with no class-merging code. Client components
 * that ship on every public page (the header's islands, error boundaries, small forms) use these,
 * so tailwind-merge stays on the server; anything that overrides a primitive's classes goes
 * through `cn` (lib/utils), as buttonVariants and Container do.
 */

/** Centred page column: max-w-6xl with responsive side padding. */
export const containerClasses = 'mx-auto w-full max-w-6xl px-4 sm:px-6 lg:px-8'

/** Shared look for text-like controls (input, textarea, select). */
export const controlClasses =
  'block w-full rounded-lg border border-ink-400 bg-white px-3.5 py-2.5 text-base text-ink-900 shadow-xs ' +
  'placeholder:text-ink-500 transition-colors hover:border-ink-500 focus-visible:border-brand-600 ' +
  'disabled:cursor-not-allowed disabled:border-ink-300 disabled:bg-ink-100 disabled:text-ink-600 ' +
  'aria-invalid:border-danger-600 aria-invalid:hover:border-danger-700 ' +
  'aria-invalid:[--focus-ring:var(--color-danger-600)]'

export type ButtonVariant = 'primary' | 'secondary' | 'outline' | 'ghost' | 'danger'
export type ButtonSize = 'sm' | 'md' | 'lg'

const buttonBase =
  'inline-flex items-center justify-center gap-2 rounded-lg text-center font-semibold leading-tight ' +
  'transition-colors duration-150 select-none ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ' +
  'aria-busy:cursor-progress [&_svg]:size-4 [&_svg]:shrink-0'

const buttonVariantClasses: Record<ButtonVariant, string> = {
  primary: 'bg-brand-600 text-white shadow-sm hover:bg-brand-700 active:bg-brand-800',
  secondary: 'bg-brand-50 text-brand-800 hover:bg-brand-100 active:bg-brand-200',
  outline: 'border border-ink-300 bg-white text-ink-900 shadow-sm hover:border-ink-400 hover:bg-ink-50 active:bg-ink-100',
  ghost: 'text-ink-700 hover:bg-ink-100 hover:text-ink-900 active:bg-ink-200',
  danger: 'bg-danger-600 text-white shadow-sm hover:bg-danger-700 active:bg-danger-800',
}

const buttonSizeClasses: Record<ButtonSize, string> = {
  sm: 'min-h-9 px-3.5 py-1.5 text-sm',
  md: 'min-h-11 px-5 py-2.5 text-sm sm:text-base',
  lg: 'min-h-12 px-6 py-3 text-base',
}

/** A button's classes without overrides (the parts never conflict, so nothing needs merging). */
export function buttonClasses({ variant = 'primary', size = 'md', fullWidth = false }: { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean } = {}) {
  return [buttonBase, buttonVariantClasses[variant], buttonSizeClasses[size], fullWidth ? 'w-full' : ''].filter(Boolean).join(' ')
}
