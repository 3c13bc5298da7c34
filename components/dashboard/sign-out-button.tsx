'use client'

import { signOut } from 'next-auth/react'

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: '/login?signedOut=1' })} className="text-sm font-semibold text-brand-700 underline-offset-4 hover:underline">
      Sign out
    </button>
  )
}
