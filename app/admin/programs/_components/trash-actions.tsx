'use client'

import { TrashActions } from '@/app/admin/_components/trash-actions'
import { deleteProgramPermanently, restoreProgram } from '@/lib/programs/actions'

export function ProgramTrashActions(props: { id: string; title: string; canPurge: boolean }) {
  return <TrashActions restore={restoreProgram} purge={deleteProgramPermanently} {...props} />
}
