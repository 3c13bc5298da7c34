import { Badge, type BadgeVariant } from '@/components/ui/badge'
import type { ApplicationStatus } from '@/db/schema/applications'
import { statusLabels } from '@/lib/applications/status'

const variants: Record<ApplicationStatus, BadgeVariant> = {
  submitted: 'brand',
  screening: 'brand',
  interview: 'warning',
  accepted: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
}

/** An application's status as the applicant sees it. */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <Badge variant={variants[status]}>{statusLabels[status]}</Badge>
}
