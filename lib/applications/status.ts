import type { ApplicationStatus } from '@/db/schema/applications'

/**
 * The review pipeline's state machine: submitted -> screening -> interview -> accepted or rejected,
 * and withdrawn by the applicant from any open state. Nothing else: reviewers cannot skip a step,
 * reopen a decision, or withdraw for the applicant.
 */
export const reviewerTransitions: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['screening'],
  screening: ['interview'],
  interview: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
  withdrawn: [],
}

export const openStatuses = ['submitted', 'screening', 'interview'] as const satisfies readonly ApplicationStatus[]

export const isOpen = (status: ApplicationStatus) => (openStatuses as readonly string[]).includes(status)

export function canReviewerMove(from: ApplicationStatus, to: ApplicationStatus) {
  return reviewerTransitions[from].includes(to)
}

export function canApplicantWithdraw(from: ApplicationStatus) {
  return isOpen(from)
}

/** After a rejection, a new application is possible this many days after the decision. */
export const reapplyAfterDays = 90

export const statusLabels: Record<ApplicationStatus, string> = {
  submitted: 'Submitted',
  screening: 'Screening',
  interview: 'Interview',
  accepted: 'Accepted',
  rejected: 'Not accepted',
  withdrawn: 'Withdrawn',
}
