import type { BadgeVariant } from '@/components/ui/badge'
import type { EmailStatus } from '@/lib/email/admin-schema'

export const statusBadge: Record<EmailStatus, BadgeVariant> = { queued: 'brand', sending: 'brand', sent: 'success', failed: 'danger', held: 'warning' }

export const timeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })

/** "password_reset" -> "Password reset". */
export const kindLabel = (kind: string) => {
  const words = kind.replace(/[_-]+/g, ' ').trim()
  return words ? words[0]!.toUpperCase() + words.slice(1) : kind
}
