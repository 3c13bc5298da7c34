'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useTransition } from 'react'
import { Button, buttonVariants } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { movePartner, setPartnerVisibility, trashPartner } from '@/lib/partners/actions'
import { useToast } from '../../_components/toaster'

type Direction = 'up' | 'down'

function Arrow({ direction }: { direction: Direction }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={direction === 'down' ? 'rotate-180' : undefined}>
      <path fillRule="evenodd" d="M10 3a.75.75 0 0 1 .53.22l5 5a.75.75 0 1 1-1.06 1.06L10.75 5.56v10.69a.75.75 0 0 1-1.5 0V5.56L5.53 9.28a.75.75 0 0 1-1.06-1.06l5-5A.75.75 0 0 1 10 3Z" clipRule="evenodd" />
    </svg>
  )
}

/**
 * Reorder, show/hide, edit and trash for one row. Buttons stay focusable while a change is saved
 * (aria-disabled, not disabled), and after a move the focus follows the partner to its new row.
 */
export function PartnerRowActions({ partner, position, count }: { partner: { id: string; name: string; version: number; visible: boolean }; position: number; count: number }) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const upRef = useRef<HTMLButtonElement>(null)
  const downRef = useRef<HTMLButtonElement>(null)
  const pendingFocus = useRef<{ direction: Direction; from: number } | null>(null)
  const isFirst = position === 1
  const isLast = position === count

  // Re-rendering in its new place moves the row's element, which drops the focus: put it back.
  useEffect(() => {
    const want = pendingFocus.current
    if (!want || want.from === position) return
    pendingFocus.current = null
    const same = want.direction === 'up' ? upRef : downRef
    const other = want.direction === 'up' ? downRef : upRef
    ;(same.current?.disabled ? other : same).current?.focus()
  }, [position])

  function run(action: () => Promise<ActionResult<unknown>>, onOk?: () => void) {
    if (pending) return
    startTransition(async () => {
      const result = await action()
      if (result.ok) {
        onOk?.()
        toast(result.message ?? 'Saved.')
      } else {
        pendingFocus.current = null
        toast(result.error, 'error')
      }
      // Shows the saved state, or someone else's newer one after a refusal.
      router.refresh()
    })
  }

  const move = (direction: Direction) => {
    pendingFocus.current = { direction, from: position }
    run(() => movePartner({ id: partner.id, direction }))
  }

  return (
    <div className="flex min-w-48 flex-wrap items-center gap-2" aria-busy={pending || undefined}>
      <div className="flex gap-1">
        <Button ref={upRef} variant="outline" size="sm" disabled={isFirst} aria-disabled={pending || undefined} onClick={() => move('up')} className="px-2.5">
          <Arrow direction="up" />
          <span className="sr-only">Move {partner.name} up</span>
        </Button>
        <Button ref={downRef} variant="outline" size="sm" disabled={isLast} aria-disabled={pending || undefined} onClick={() => move('down')} className="px-2.5">
          <Arrow direction="down" />
          <span className="sr-only">Move {partner.name} down</span>
        </Button>
      </div>
      <Link href={`/admin/partners/${partner.id}`} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
        Edit<span className="sr-only"> {partner.name}</span>
      </Link>
      <Button
        variant="outline"
        size="sm"
        aria-disabled={pending || undefined}
        onClick={() => run(() => setPartnerVisibility({ id: partner.id, version: partner.version, visible: !partner.visible }))}
      >
        {partner.visible ? 'Hide' : 'Show'}
        <span className="sr-only"> {partner.name} {partner.visible ? 'from' : 'on'} the site</span>
      </Button>
      <Button
        variant="ghost"
        size="sm"
        aria-disabled={pending || undefined}
        className="text-danger-700 hover:bg-danger-50 hover:text-danger-800"
        onClick={() => run(() => trashPartner({ id: partner.id }), () => document.getElementById('main')?.focus())}
      >
        Move to trash<span className="sr-only"> {partner.name}</span>
      </Button>
    </div>
  )
}
