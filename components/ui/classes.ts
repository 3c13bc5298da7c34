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

/** A button's classes without overrides (the parts never conflict, so nothing needs merging). */
export function buttonClasses({ variant = 'primary', size = 'md', fullWidth = false }: { variant?: ButtonVariant; size?: ButtonSize; fullWidth?: boolean } = {}) {
  // .btn, .btn-<variant> and .btn-<size> are defined once in app/globals.css (components layer).
  return `btn btn-${variant} btn-${size}${fullWidth ? ' w-full' : ''}`
}
