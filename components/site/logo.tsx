import Link from 'next/link'

/**
 * The "SkillsU" wordmark with its mark; decorative parts are hidden from assistive tech. Plain class
 * strings (no `cn`): the 404/403 screens are client components, and tailwind-merge stays on the server.
 */
export function Logo({ inverted = false, className }: { inverted?: boolean; className?: string }) {
  return (
    <Link href="/" className={`logo ${inverted ? 'text-white' : 'text-ink-950'}${className ? ` ${className}` : ''}`}>
      <span aria-hidden="true" className="logo-mark">
        S
      </span>
      <span>
        Skills<span className={inverted ? 'text-brand-300' : 'text-brand-600'}>U</span>
      </span>
    </Link>
  )
}
