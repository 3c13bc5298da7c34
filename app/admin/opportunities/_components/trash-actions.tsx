'use client'

import { TrashActions } from '@/app/admin/_components/trash-actions'
import { deleteOpportunityPermanently, restoreOpportunity } from '@/lib/opportunities/actions'

export function OpportunityTrashActions(props: { id: string; title: string; canPurge: boolean }) {
  return <TrashActions restore={restoreOpportunity} purge={deleteOpportunityPermanently} {...props} />
}
