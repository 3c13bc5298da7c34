import type { AlertFrequency } from '@/db/schema/accounts'

/** The frequencies that send digests ('off' sends none). */
export type DigestFrequency = Exclude<AlertFrequency, 'off'>
export const digestFrequencies = ['daily', 'weekly', 'monthly'] as const satisfies readonly DigestFrequency[]

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const dayMs = 86_400_000

/** Midnight UTC of the day `at` falls in. */
const startOfUtcDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))

/** The Monday 00:00 UTC starting the ISO week `at` falls in. */
function startOfIsoWeek(at: Date): Date {
  const day = startOfUtcDay(at)
  const weekday = (day.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return new Date(day.getTime() - weekday * dayMs)
}

/** ISO 8601 week of `at` (UTC): the week's year is the year of its Thursday. */
function isoWeek(at: Date): { year: number; week: number } {
  const thursday = new Date(startOfIsoWeek(at).getTime() + 3 * dayMs)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * dayMs)) + 1
  return { year, week }
}

/**
 * The digest period `at` falls in, as stored in alert_digests.period_key (UTC):
 * daily "2026-11-28", weekly ISO week "2026-W48", monthly "2026-11". A candidate gets at most
 * one digest per key; the unique (user_id, period_key) index enforces it.
 */
export function periodKey(frequency: DigestFrequency, at: Date): string {
  if (frequency === 'daily') return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
  if (frequency === 'monthly') return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}`
  const { year, week } = isoWeek(at)
  return `${year}-W${pad(week)}`
}

/** When the period `at` falls in started (UTC). */
export function periodStart(frequency: DigestFrequency, at: Date): Date {
  if (frequency === 'daily') return startOfUtcDay(at)
  if (frequency === 'weekly') return startOfIsoWeek(at)
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1))
}

/** When the period before the one `at` falls in started: a digest never reaches back further. */
export function previousPeriodStart(frequency: DigestFrequency, at: Date): Date {
  const current = periodStart(frequency, at)
  if (frequency === 'daily') return new Date(current.getTime() - dayMs)
  if (frequency === 'weekly') return new Date(current.getTime() - 7 * dayMs)
  return new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - 1, 1))
}

/** The three keys of `at`, one per frequency (the candidate query picks the one of each row). */
export const periodKeys = (at: Date): Record<DigestFrequency, string> => ({
  daily: periodKey('daily', at),
  weekly: periodKey('weekly', at),
  monthly: periodKey('monthly', at),
})
