import type { BadgeVariant } from '@/components/ui/badge'
import type { ApplicationStatus } from '@/db/schema/applications'

export const statusVariant: Record<ApplicationStatus, BadgeVariant> = {
  submitted: 'brand',
  screening: 'neutral',
  interview: 'warning',
  accepted: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** "DE" -> "Germany"; an unknown code is shown as written. */
export function countryName(code: string) {
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}

export const dateLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
export const dateTimeLabel = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export const offerLabels: Record<string, string> = { training: 'Training', coaching: 'Coaching', consulting: 'Consulting' }
