'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { buttonVariants } from '@/components/ui/button'

/**
 * "Sign in", or "Your dashboard" once the browser knows there is a session: asked after load,
 * so the cached public pages around it stay the same for every visitor.
 */
export function AccountLink() {
  const [signedIn, setSignedIn] = useState(false)
  useEffect(() => {
    let live = true
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((session: { user?: { id?: string } } | null) => live && setSignedIn(!!session?.user?.id))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  return (
    <Link href={signedIn ? '/dashboard' : '/login'} className={buttonVariants({ variant: 'primary', size: 'sm' })}>
      {signedIn ? 'Your dashboard' : 'Sign in'}
    </Link>
  )
}
