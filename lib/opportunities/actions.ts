'use server'

import { updateTag } from 'next/cache'
import { ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { tags } from '@/lib/cache-tags'
import {
  changeOpportunityStatus,
  createOpportunity as createOpportunityRow,
  purgeOpportunity,
  restoreOpportunity as restoreOpportunityRow,
  trashOpportunity,
  updateOpportunity as updateOpportunityRow,
  type OpportunityTransition,
  type OpportunityWrite,
} from './admin-data'
import { opportunityCommandSchema, opportunityFormSchema, opportunityIdSchema, updateOpportunitySchema } from './schema'

/** What an opportunity action answers: the row and its new version, nothing more. */
export type SavedOpportunity = { id: string; version: number }

/** Refreshes the public list and the pages of the roles the opportunity is (or was) shown on. */
function refreshed(result: ActionResult<OpportunityWrite>): ActionResult<SavedOpportunity> {
  if (!result.ok) return result
  updateTag(tags.opportunities)
  for (const slug of result.data.roleSlugs) updateTag(tags.role(slug))
  return ok({ id: result.data.id, version: result.data.version }, result.message)
}

export async function createOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return handleAction(input, opportunityFormSchema, async (values) => refreshed(await createOpportunityRow(values)))
}

export async function updateOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return handleAction(input, updateOpportunitySchema, async (data) => refreshed(await updateOpportunityRow(data)))
}

async function transition(input: unknown, name: OpportunityTransition) {
  return handleAction(input, opportunityCommandSchema, async (data) => refreshed(await changeOpportunityStatus(data, name)))
}

export async function publishOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return transition(input, 'publish')
}

export async function unpublishOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return transition(input, 'unpublish')
}

export async function archiveOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return transition(input, 'archive')
}

/** Moves it to the trash. */
export async function deleteOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return handleAction(input, opportunityCommandSchema, async (data) => refreshed(await trashOpportunity(data)))
}

export async function restoreOpportunity(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return handleAction(input, opportunityIdSchema, async (data) => refreshed(await restoreOpportunityRow(data)))
}

/** Admins only, from the trash. */
export async function deleteOpportunityPermanently(input: unknown): Promise<ActionResult<SavedOpportunity>> {
  return handleAction(input, opportunityIdSchema, async (data) => refreshed(await purgeOpportunity(data)))
}
