import type { BadgeVariant } from '@/components/ui/badge'
import type { OpportunityStatus } from '@/lib/opportunities/schema'

export const statusVariant: Record<OpportunityStatus, BadgeVariant> = { draft: 'neutral', published: 'success', archived: 'warning' }

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })

/** "3 Mar 2026, 14:05 UTC" */
export function whenLabel(iso: string) {
  return `${dateTime.format(new Date(iso))} UTC`
}

/** "3 Mar 2026" for a YYYY-MM-DD date. */
export function dayLabel(date: string) {
  return dateOnly.format(new Date(`${date}T00:00:00Z`))
}
