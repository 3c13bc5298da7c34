'use client'

import { StatusActions, type StatusCommands } from '@/app/admin/_components/status-actions'
import { archiveOpportunity, deleteOpportunity, publishOpportunity, unpublishOpportunity } from '@/lib/opportunities/actions'
import type { OpportunityStatus } from '@/lib/opportunities/schema'

const commands: StatusCommands = { publish: publishOpportunity, unpublish: unpublishOpportunity, archive: archiveOpportunity, trash: deleteOpportunity }

export function OpportunityStatusActions(props: { id: string; version: number; status: OpportunityStatus; title: string; size?: 'sm' | 'md'; afterDelete?: string }) {
  return <StatusActions commands={commands} listedText="will no longer be listed" {...props} />
}
