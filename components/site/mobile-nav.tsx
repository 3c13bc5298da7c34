'use client'

import Link from 'next/link'
import { useEffect, useId, useRef, useState } from 'react'
import { buttonClasses } from '@/components/ui/classes'

export interface NavLink {
  href: string
  label: string
}

export interface MobileNavProps {
  links: NavLink[]
  /** Call-to-action link shown as a button under the links (e.g. Sign in). */
  cta?: NavLink
  className?: string
}

/** Phone navigation: a Menu toggle that reveals the main links. Hidden from md up. */
export function MobileNav({ links, cta, className }: MobileNavProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const navRef = useRef<HTMLElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setOpen(false)
        buttonRef.current?.focus()
      }
    }
    function onPointerDown(event: PointerEvent) {
      if (navRef.current && !navRef.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open])

  const close = () => setOpen(false)

  return (
    <nav ref={navRef} aria-label="Main" className={className ? `md:hidden ${className}` : 'md:hidden'}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-semibold text-ink-900 transition-colors hover:bg-ink-100"
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" className="size-5">
          {open ? <path d="M6 6l12 12M18 6 6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        Menu
      </button>
      <div
        id={panelId}
        hidden={!open}
        className="absolute inset-x-0 top-full border-b border-ink-200 bg-white shadow-lg"
      >
        <ul className="flex flex-col gap-1 px-4 pt-3 pb-2 sm:px-6">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                onClick={close}
                className="flex min-h-12 items-center rounded-lg px-3 text-base font-medium text-ink-800 transition-colors hover:bg-ink-100 hover:text-ink-900"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        {cta ? (
          <div className="border-t border-ink-200 px-4 pt-3 pb-4 sm:px-6">
            <Link href={cta.href} onClick={close} className={buttonClasses({ size: 'lg', fullWidth: true })}>
              {cta.label}
            </Link>
          </div>
        ) : null}
      </div>
    </nav>
  )
}
