import type { BadgeVariant } from '@/components/ui/badge'
import type { InquiryKind, InquiryStatus } from '@/lib/inquiries/schema'

export const statusBadge: Record<InquiryStatus, BadgeVariant> = { new: 'warning', contacted: 'brand', closed: 'neutral' }
export const kindBadge: Record<InquiryKind, BadgeVariant> = { partnership: 'success', demo: 'brand' }

export const receivedFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
export const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
