'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useState, useTransition } from 'react'
import { buttonClasses } from '@/components/ui/classes'
import { setRoleSaved } from '@/lib/profile/actions'

type State = { signedIn: boolean; saved: boolean } | null

/**
 * The role page is cached and the same for everyone, so this button asks for its state after
 * load. Anonymous visitors sign in and come back with `?save=1`, and the save is done for them.
 */
export function SaveRoleButton({ slug, title }: { slug: string; title: string }) {
  const router = useRouter()
  const [state, setState] = useState<State>(null)
  const [message, setMessage] = useState('')
  const [pending, start] = useTransition()

  useEffect(() => {
    let live = true
    ;(async () => {
      const response = await fetch(`/api/me/saved-role?slug=${encodeURIComponent(slug)}`, { cache: 'no-store' })
      if (!response.ok || !live) return
      const current = (await response.json()) as { signedIn: boolean; saved: boolean }
      const url = new URL(window.location.href)
      if (current.signedIn && url.searchParams.get('save') === '1') {
        url.searchParams.delete('save')
        window.history.replaceState(null, '', url.pathname + url.search + url.hash)
        if (!current.saved) {
          const result = await setRoleSaved({ slug, saved: true })
          if (result.ok) {
            current.saved = result.data.saved
            setMessage(result.message ?? '')
          }
        }
      }
      if (live) setState(current)
    })().catch(() => {})
    return () => {
      live = false
    }
  }, [slug])

  function toggle() {
    if (!state?.signedIn) {
      router.push(`/login?callbackUrl=${encodeURIComponent(`/roles/${slug}?save=1`)}`)
      return
    }
    start(async () => {
      const result = await setRoleSaved({ slug, saved: !state.saved })
      if (result.ok) {
        setState({ signedIn: true, saved: result.data.saved })
        setMessage(result.message ?? '')
      } else setMessage(result.error)
    })
  }

  return (
    <span className="inline-flex items-center gap-3">
      <button type="button" className={buttonClasses({ variant: 'outline' })} onClick={toggle} disabled={pending} aria-busy={pending || undefined} aria-pressed={state?.saved ?? false}>
        {state?.saved ? 'Saved' : 'Save role'}
        <span className="sr-only"> {title}</span>
      </button>
      <span role="status" className="text-sm text-ink-700">
        {message}
      </span>
    </span>
  )
}
