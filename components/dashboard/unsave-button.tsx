'use client'

import { useRouter } from 'next/navigation'
import { useTransition } from 'react'
import { setRoleSaved } from '@/lib/profile/actions'

export function UnsaveButton({ slug, title }: { slug: string; title: string }) {
  const router = useRouter()
  const [pending, start] = useTransition()
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await setRoleSaved({ slug, saved: false })
          router.refresh()
        })
      }
      className="text-sm font-semibold text-danger-700 underline-offset-4 hover:underline disabled:opacity-60"
    >
      Remove<span className="sr-only"> {title} from saved roles</span>
    </button>
  )
}
