import Link from 'next/link'
import { consentWording, type ConsentSource } from '@/lib/privacy/consent'
import { cn } from '@/lib/utils'

/**
 * The line under every public form: the terms and the privacy policy, linked. With `consent`, the
 * opt-in wording of that form first: the same constant the server stores in the consent record.
 * No hooks: usable in server and client components alike.
 */
export function FormLegalNote({ consent, tone = 'light', className }: { consent?: ConsentSource; tone?: 'light' | 'dark'; className?: string }) {
  const link = cn('font-medium underline underline-offset-2', tone === 'dark' ? 'text-white' : 'text-ink-900 hover:text-brand-700')
  return (
    <p className={cn('text-xs leading-5', tone === 'dark' ? 'text-ink-300' : 'text-ink-600', className)} data-testid="form-legal-note">
      {consent ? <span className="block">{consentWording(consent)}</span> : null}
      By submitting you agree to our{' '}
      <Link href="/terms" className={link}>
        terms
      </Link>
      ; see our{' '}
      <Link href="/privacy" className={link}>
        privacy policy
      </Link>
      .
    </p>
  )
}
