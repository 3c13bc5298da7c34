'use client'

/** Last resort when the root layout itself fails: plain HTML, no app styles. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '4rem 1.5rem', textAlign: 'center', color: '#0f172a' }}>
        <main>
          <h1>Something went wrong on our side</h1>
          <p>Please try again in a moment; if it keeps happening, contact us and quote the reference below.</p>
          {error.digest && (
            <p>
              Reference: <code>{error.digest}</code>
            </p>
          )}
          <button type="button" onClick={reset} style={{ padding: '0.6rem 1.2rem', marginTop: '1rem' }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  )
}
