import type { FieldChange } from '@/lib/roles/schema'
import { cn } from '@/lib/utils'

/**
 * Field-by-field comparison of two versions: one block per changed field, the two texts side by
 * side on wide screens and stacked on phones. Server- and client-renderable (no hooks).
 */
export function FieldComparison({ changes, beforeLabel, afterLabel, className }: { changes: FieldChange[]; beforeLabel: string; afterLabel: string; className?: string }) {
  return (
    <ul className={cn('flex flex-col gap-4', className)}>
      {changes.map((c) => (
        <li key={c.field} className="rounded-xl border border-ink-200 bg-white p-3 sm:p-4">
          <p className="font-semibold text-ink-950">{c.label}</p>
          <dl className="mt-2 grid gap-3 md:grid-cols-2">
            <div className="min-w-0">
              <dt className="text-xs font-medium tracking-wide text-ink-600 uppercase">{beforeLabel}</dt>
              <dd className="mt-1 rounded-lg bg-danger-50 p-2 text-sm break-words whitespace-pre-wrap text-ink-900">{c.before || '(empty)'}</dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs font-medium tracking-wide text-ink-600 uppercase">{afterLabel}</dt>
              <dd className="mt-1 rounded-lg bg-success-50 p-2 text-sm break-words whitespace-pre-wrap text-ink-900">{c.after || '(empty)'}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  )
}
