'use client'

import { useEffect, useRef } from 'react'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'

/** What a form shows when the request never got an answer (offline, or the server unreachable). The same key is sent again on retry, so nothing is stored twice. */
export const offline: ActionResult<never> = { ok: false, error: 'We could not reach SkillsU. Check your connection and send the form again; nothing is sent twice.' }

/**
 * Replaces a public form once it is sent: the answer, announced (focus moves to the heading), and a
 * way to send another. The message is the server's, so a person and a bot read the same words.
 */
export function FormSuccess({ heading, message, againLabel, onAgain }: { heading: string; message?: string; againLabel: string; onAgain: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  return (
    <div role="status" className="flex flex-col items-start gap-4 rounded-2xl border border-success-200 bg-success-50 p-6 text-success-900 sm:p-8">
      <span aria-hidden="true" className="flex size-12 items-center justify-center rounded-full bg-success-600 text-white">
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" className="size-6">
          <path d="m5 12.5 4.5 4.5L19 7.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </span>
      <h3 ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-ink-950 focus:outline-none">
        {heading}
      </h3>
      {message ? <p className="text-base leading-7 text-ink-800">{message}</p> : null}
      <Button variant="outline" onClick={onAgain}>
        {againLabel}
      </Button>
    </div>
  )
}
