'use server'

import { updateTag } from 'next/cache'
import { ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { tags } from '@/lib/cache-tags'
import {
  changeProgramStatus,
  createProgram as createProgramRow,
  purgeProgram,
  restoreProgram as restoreProgramRow,
  trashProgram,
  updateProgram as updateProgramRow,
  type ProgramTransition,
  type ProgramWrite,
} from './admin-data'
import { programCommandSchema, programFormSchema, programIdSchema, updateProgramSchema } from './schema'

/** What a program action answers: the row, its slug and its new version, nothing more. */
export type SavedProgram = { id: string; version: number }

/** Refreshes the program lists (and the role pages' "programs for these skills") and the program's own pages. */
function refreshed(result: ActionResult<ProgramWrite>): ActionResult<SavedProgram> {
  if (!result.ok) return result
  updateTag(tags.programs)
  for (const slug of result.data.slugs) updateTag(tags.program(slug))
  return ok({ id: result.data.id, version: result.data.version }, result.message)
}

export async function createProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return handleAction(input, programFormSchema, async (values) => refreshed(await createProgramRow(values)))
}

export async function updateProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return handleAction(input, updateProgramSchema, async (data) => refreshed(await updateProgramRow(data)))
}

async function transition(input: unknown, name: ProgramTransition) {
  return handleAction(input, programCommandSchema, async (data) => refreshed(await changeProgramStatus(data, name)))
}

export async function publishProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return transition(input, 'publish')
}

export async function unpublishProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return transition(input, 'unpublish')
}

export async function archiveProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return transition(input, 'archive')
}

/** Moves it to the trash. */
export async function deleteProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return handleAction(input, programCommandSchema, async (data) => refreshed(await trashProgram(data)))
}

export async function restoreProgram(input: unknown): Promise<ActionResult<SavedProgram>> {
  return handleAction(input, programIdSchema, async (data) => refreshed(await restoreProgramRow(data)))
}

/** Admins only, from the trash. */
export async function deleteProgramPermanently(input: unknown): Promise<ActionResult<SavedProgram>> {
  return handleAction(input, programIdSchema, async (data) => refreshed(await purgeProgram(data)))
}
