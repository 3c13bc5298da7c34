'use client'

import { StatusActions, type StatusCommands } from '@/app/admin/_components/status-actions'
import { archiveProgram, deleteProgram, publishProgram, unpublishProgram } from '@/lib/programs/actions'
import type { ProgramStatus } from '@/lib/programs/schema'

const commands: StatusCommands = { publish: publishProgram, unpublish: unpublishProgram, archive: archiveProgram, trash: deleteProgram }

export function ProgramStatusActions(props: { id: string; version: number; status: ProgramStatus; title: string; size?: 'sm' | 'md'; afterDelete?: string }) {
  return <StatusActions commands={commands} listedText="will no longer be public" {...props} />
}
