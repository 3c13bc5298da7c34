import { FormLegalNote } from '@/components/legal/form-legal-note'
import type { NewsletterSource } from '@/lib/newsletter/schema'
import { NewsletterFormFields } from './newsletter-form-fields'

export interface NewsletterFormProps {
  /** Where the form is (stored with the address); also keeps element ids unique on the page. */
  source: NewsletterSource
  /** `dark` for the footer's inverse surface. */
  tone?: 'light' | 'dark'
  className?: string
}

/**
 * The newsletter sign-up (double opt-in): a plain form posting to a server action, which checks
 * the address with the same zod schema and answers next to the field; it works without JavaScript
 * too. Rendered in cached pages, so nothing personal is in it.
 */
export function NewsletterForm({ source, tone = 'light', className }: NewsletterFormProps) {
  // The opt-in wording shown is the constant the action stores in the consent record for this source.
  return <NewsletterFormFields source={source} tone={tone} className={className} footnote={<FormLegalNote consent={`${source}-newsletter`} tone={tone} />} />
}
