import { env } from '@/lib/env'

/**
 * How long personal data is kept: the one place these periods are written (SECURITY.md lists
 * them for readers). `npm run retention` and the daily in-process run purge what is older.
 */
export const retentionPeriods = {
  /** Newsletter sign-ups never confirmed: the address is deleted this long after the last confirmation email. */
  unconfirmedNewsletterDays: 30,
  /** CVs of rejected or withdrawn trainer applications: the file is deleted, the application kept with a note. */
  closedApplicationCvMonths: 12,
  /** Bodies of sent emails (subject, address and status stay): OUTBOX_RETENTION_DAYS, default 30. */
  sentEmailBodyDays: env.OUTBOX_RETENTION_DAYS,
  /** Partnership inquiries and demo bookings (and their notes). */
  inquiryMonths: 24,
  /** Audit log rows: AUDIT_RETENTION_MONTHS, default 24. */
  auditMonths: env.AUDIT_RETENTION_MONTHS,
} as const

export type RetentionPeriods = { [K in keyof typeof retentionPeriods]: number }

/** The daily run's period; a run after a restart is harmless (every purge is idempotent). */
export const retentionIntervalMs = 24 * 60 * 60 * 1000
