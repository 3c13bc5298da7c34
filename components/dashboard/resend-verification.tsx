'use client'

import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import type { ActionResult } from '@/lib/action-result'
import { resendVerificationEmail } from '@/lib/accounts/actions'

export function ResendVerificationButton() {
  const [pending, start] = useTransition()
  const [result, setResult] = useState<ActionResult<null> | null>(null)
  return (
    <div className="flex items-center gap-3">
      <span role="status" className="text-sm">
        {result ? (result.ok ? result.message : result.error) : null}
      </span>
      <Button size="sm" variant="outline" loading={pending} onClick={() => start(async () => setResult(await resendVerificationEmail()))}>
        Send the link again
      </Button>
    </div>
  )
}
