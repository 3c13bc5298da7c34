'use client'

// Plain class strings: this boundary ships with every page, and tailwind-merge would ship with it.
import { buttonClasses, containerClasses } from '@/components/ui/classes'

/** Shown when a page fails (for example while the database is unreachable); `reset` retries. */
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={`${containerClasses} py-24 text-center`}>
      <h1 className="text-3xl font-bold text-ink-950">Something went wrong on our side</h1>
      <p className="mx-auto mt-4 max-w-lg text-ink-700">
        The page could not be loaded just now. Please try again in a moment; if it keeps happening, let us know.
      </p>
      {error.digest && (
        <p className="mt-2 text-sm text-ink-600">
          Reference (quote it if you contact us): <span className="font-mono select-all">{error.digest}</span>
        </p>
      )}
      <button type="button" onClick={reset} className={`${buttonClasses()} mt-8`}>
        Try again
      </button>
    </div>
  )
}
