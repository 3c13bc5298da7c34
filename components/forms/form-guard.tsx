'use client'

import { useCallback, useEffect, useRef } from 'react'

function newKey() {
  const bytes = new Uint8Array(18)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/**
 * The browser-made half of every public form's guard (lib/forms/guard.ts): an idempotency key
 * and the fill-time start, made when the form is shown (never rendered by the cached page), and
 * the hidden honeypot. `fields()` returns what to send with the form's own values; `renew()`
 * starts a new submission after a success (so the next one is not taken for a replay).
 */
export function useFormGuard() {
  const key = useRef<string | null>(null)
  const shownAt = useRef(0)
  const honeypot = useRef<HTMLInputElement>(null)

  const renew = useCallback(() => {
    key.current = newKey()
    shownAt.current = performance.now()
  }, [])

  // Made once the form is shown in this browser (after hydration), never during server rendering.
  useEffect(renew, [renew])

  const fields = useCallback(() => {
    key.current ??= newKey()
    return { idempotencyKey: key.current, fillMs: String(Math.round(performance.now() - shownAt.current)), hp: honeypot.current?.value ?? '' }
  }, [])

  return { fields, renew, honeypot }
}

/** The honeypot: off-screen, out of the tab order and hidden from assistive technology. */
export function Honeypot({ inputRef, id }: { inputRef: React.RefObject<HTMLInputElement | null>; id: string }) {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor={id}>Leave this field empty</label>
      <input ref={inputRef} id={id} name="hp" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  )
}
