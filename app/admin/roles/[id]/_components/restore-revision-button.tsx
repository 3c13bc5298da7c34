'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useToast } from '@/app/admin/_components/toaster'
import { Button } from '@/components/ui/button'
import { restoreRevisionAction } from '@/lib/roles/actions'

/** Restores one revision as the newest version of the working copy (nothing is overwritten). */
export function RestoreRevisionButton({ roleId, expectedVersion, revisionId, version }: { roleId: string; expectedVersion: number; revisionId: string; version: number }) {
  const router = useRouter()
  const toast = useToast()
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const errorId = `restore-${revisionId}-error`

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant="outline"
        loading={pending}
        aria-describedby={error ? errorId : undefined}
        onClick={() =>
          startTransition(async () => {
            const result = await restoreRevisionAction({ id: roleId, expectedVersion, revisionId })
            if (result.ok) {
              setError(null)
              toast(result.message ?? `Version ${version} restored.`)
            } else {
              const message = 'conflict' in result && result.conflict ? 'Someone else saved this role since this page loaded. The list is up to date now; try again.' : result.error
              setError(message)
              toast(message, 'error')
            }
            router.refresh()
          })
        }
      >
        Restore this version<span className="sr-only"> (version {version})</span>
      </Button>
      {error && (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </div>
  )
}
