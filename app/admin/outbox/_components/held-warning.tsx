/** Shown while no SMTP server is configured: nothing is lost, but nothing leaves either. */
export function HeldWarning({ held }: { held?: number }) {
  return (
    <div role="alert" className="mb-6 rounded-2xl border border-warning-200 bg-warning-50 p-4 text-warning-800">
      <p className="font-semibold">
        No SMTP server is configured: {held === undefined ? 'this message is held' : held === 0 ? 'no message is held right now' : held === 1 ? '1 message is held' : `${held} messages are held`}.
      </p>
      <p className="mt-1 text-sm">
        Held mail is kept, not dropped. Set <code className="font-mono">SMTP_URL</code> and restart the app (or the worker); held messages are then sent in order.
      </p>
    </div>
  )
}
