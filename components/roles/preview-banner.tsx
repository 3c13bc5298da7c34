'use client'

import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { exitPreviewAction } from '@/lib/roles/actions'

export function PreviewBanner() {
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <div role="region" aria-label="Preview" className="bg-warning-50 border-b border-warning-200">
      <p className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm text-ink-900">
        <span>
          <strong>Preview:</strong> this is the unpublished draft, as the public page will show it once published.
        </span>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              await exitPreviewAction()
              router.refresh()
            })
          }
          className="font-semibold text-brand-800 underline"
        >
          Exit preview
        </button>
      </p>
    </div>
  )
}
