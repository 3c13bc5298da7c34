'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { buttonClasses } from '@/components/ui/classes'

/** Dispatched on window by a form that signs the person in without leaving the page. */
export const sessionChangedEvent = 'skillsu:session-changed'

/**
 * "Sign in", or "Your dashboard" once the browser knows there is a session: asked after load,
 * so the cached public pages around it stay the same for every visitor, and asked again when a
 * form on the page signs the person in (the trainer application does).
 */
export function AccountLink() {
  const [signedIn, setSignedIn] = useState(false)
  useEffect(() => {
    let live = true
    const check = () =>
      fetch('/api/auth/session', { cache: 'no-store' })
        .then((r) => (r.ok ? r.json() : null))
        .then((session: { user?: { id?: string } } | null) => live && setSignedIn(!!session?.user?.id))
        .catch(() => {})
    check()
    window.addEventListener(sessionChangedEvent, check)
    return () => {
      live = false
      window.removeEventListener(sessionChangedEvent, check)
    }
  }, [])
  return (
    <Link href={signedIn ? '/dashboard' : '/login'} className={buttonClasses({ size: 'sm' })}>
      {signedIn ? 'Your dashboard' : 'Sign in'}
    </Link>
  )
}
