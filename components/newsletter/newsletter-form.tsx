import { FormLegalNote } from '@/components/legal/form-legal-note'
import { buttonVariants } from '@/components/ui/button'
import { controlClasses } from '@/components/ui/input'
import type { NewsletterSource } from '@/lib/newsletter/schema'
import { cn } from '@/lib/utils'
import { NewsletterFormFields, type NewsletterFormClasses } from './newsletter-form-fields'

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
 * too. Rendered in cached pages, so nothing personal is in it. The class names are put together
 * here, on the server, so the form's script stays small (no class-merging code in the browser).
 */
export function NewsletterForm({ source, tone = 'light', className }: NewsletterFormProps) {
  const dark = tone === 'dark'
  const classes: NewsletterFormClasses = {
    form: cn('relative flex w-full flex-col gap-3', className),
    done: cn('flex flex-col items-start gap-3', className),
    label: cn('text-sm leading-6 font-medium', dark ? 'text-white' : 'text-ink-900'),
    input: cn(controlClasses, 'min-h-11 sm:flex-1'),
    submit: buttonVariants({ className: 'shrink-0' }),
    again: buttonVariants({
      variant: dark ? 'outline' : 'ghost',
      size: 'sm',
      className: dark ? 'border-white/30 bg-transparent text-white hover:bg-white/10 active:bg-white/15' : undefined,
    }),
    error: cn('text-sm font-medium', dark ? 'text-danger-200' : 'text-danger-700'),
    note: cn('text-sm leading-6', dark ? 'text-ink-300' : 'text-ink-600'),
  }
  // The opt-in wording shown is the constant the action stores in the consent record for this source.
  return <NewsletterFormFields source={source} classes={classes} footnote={<FormLegalNote consent={`${source}-newsletter`} tone={tone} />} />
}
