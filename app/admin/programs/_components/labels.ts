import type { BadgeVariant } from '@/components/ui/badge'
import type { ProgramStatus } from '@/lib/programs/schema'

export const statusVariant: Record<ProgramStatus, BadgeVariant> = { draft: 'neutral', published: 'success', archived: 'warning' }

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** "3 Mar 2026, 14:05 UTC" */
export function whenLabel(iso: string) {
  return `${dateTime.format(new Date(iso))} UTC`
}
