import Link from 'next/link'
import { useId, type ReactNode } from 'react'
import { buttonVariants, type ButtonVariant } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { cn } from '@/lib/utils'

export interface CtaAction {
  href: string
  label: string
  /** Defaults: first action 'primary', the rest 'outline'. */
  variant?: ButtonVariant
}

export interface CtaBandProps {
  title: ReactNode
  text?: ReactNode
  actions: CtaAction[]
  /** 'brand' = indigo panel with white text; 'light' = soft brand tint. Default 'brand'. */
  tone?: 'brand' | 'light'
  /** Small label above the title. */
  eyebrow?: ReactNode
  headingLevel?: 'h2' | 'h3'
  id?: string
  className?: string
}

/** On the dark brand panel the regular variants would vanish, so they are mapped to inverted styles. */
const onBrand: Record<ButtonVariant, string> = {
  primary: 'bg-white text-brand-800 shadow-sm hover:bg-brand-50 active:bg-brand-100',
  secondary: 'bg-brand-50 text-brand-800 hover:bg-white active:bg-brand-100',
  outline: 'border border-white/70 bg-transparent text-white hover:border-white hover:bg-white/10 active:bg-white/20',
  ghost: 'bg-transparent text-white underline-offset-4 hover:bg-white/10 hover:text-white hover:underline active:bg-white/20',
  danger: 'bg-danger-700 text-white hover:bg-danger-800 active:bg-danger-800',
}

export function CtaBand({
  title,
  text,
  actions,
  tone = 'brand',
  eyebrow,
  headingLevel: Heading = 'h2',
  id,
  className,
}: CtaBandProps) {
  const headingId = useId()
  const brand = tone === 'brand'
  return (
    <section id={id} aria-labelledby={headingId} className={cn('py-12 sm:py-16', className)}>
      <Container>
        <div
          className={cn(
            'relative overflow-hidden rounded-3xl px-6 py-10 sm:px-10 sm:py-14 lg:flex lg:items-center lg:justify-between lg:gap-12 lg:px-14',
            brand ? 'on-dark bg-brand-700 text-white shadow-xl' : 'border border-brand-100 bg-brand-50 text-ink-900',
          )}
        >
          <div className="max-w-2xl">
            {eyebrow ? (
              <p className={cn('mb-3 text-sm font-semibold tracking-wider uppercase', brand ? 'text-brand-100' : 'text-brand-700')}>{eyebrow}</p>
            ) : null}
            <Heading
              id={headingId}
              className={cn('text-2xl font-bold tracking-tight sm:text-3xl', brand ? 'text-white' : 'text-ink-950')}
            >
              {title}
            </Heading>
            {text ? (
              <p className={cn('mt-3 text-base leading-7 sm:text-lg sm:leading-8', brand ? 'text-brand-100' : 'text-ink-700')}>
                {text}
              </p>
            ) : null}
          </div>
          {actions.length > 0 ? (
            <ul className="mt-8 flex flex-col gap-3 min-[480px]:flex-row min-[480px]:flex-wrap lg:mt-0 lg:shrink-0 lg:justify-end">
              {actions.map((action, index) => {
                const variant = action.variant ?? (index === 0 ? 'primary' : 'outline')
                return (
                  <li key={`${action.href}-${action.label}`}>
                    <Link
                      href={action.href}
                      className={cn(
                        buttonVariants({ variant, size: 'lg' }),
                        'w-full min-[480px]:w-auto',
                        brand && onBrand[variant],
                      )}
                    >
                      {action.label}
                    </Link>
                  </li>
                )
              })}
            </ul>
          ) : null}
        </div>
      </Container>
    </section>
  )
}
