'use client'

// Plain class strings: this boundary ships with every page, and tailwind-merge would ship with it.
import { buttonClasses, containerClasses } from '@/components/ui/classes'

/**
 * Shown when a page outside the public site fails (dashboard, admin, sign-in). The reference is
 * Next's digest of the error: the server logged it with the request id and stored it for the
 * operations page, so a user who quotes it can be helped.
 */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={`${containerClasses} py-24 text-center`}>
      <h1 className="text-3xl font-bold text-ink-950">Something went wrong on our side</h1>
      <p className="mx-auto mt-4 max-w-lg text-ink-700">
        This page could not be shown just now. Please try again in a moment; if it keeps happening, contact us and quote the reference below.
      </p>
      {error.digest && (
        <p className="mt-2 text-sm text-ink-600">
          Reference: <span className="font-mono select-all">{error.digest}</span>
        </p>
      )}
      <button type="button" onClick={reset} className={`${buttonClasses()} mt-8`}>
        Try again
      </button>
    </div>
  )
}
