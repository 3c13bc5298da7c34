'use server'

import { updateTag } from 'next/cache'
import { draftMode } from 'next/headers'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { tags } from '@/lib/cache-tags'
import { clientIp } from '@/lib/request'
import { createRole, publishRole, purgeRole, restoreRevision, saveRole, setRoleStatus, trashRole, type RoleSlugs, type RoleWriteResult } from './admin-data'
import { roleCommandSchema, roleContentSchema, roleIdSchema, roleRestoreSchema, roleSaveSchema, type RoleContent } from './schema'

export type RoleConflict = { version: number; updatedBy: string | null; updatedAt: string; content: RoleContent }
export type RoleActionResult = ActionResult<{ id: string; version: number }> | { ok: false; error: string; conflict: RoleConflict; fieldErrors?: undefined; retryAfterSeconds?: undefined }

/** Refreshes every public page a role change can touch: its page (old and new slug), lists, sitemap. */
function refresh(slugs: string[]) {
  for (const slug of new Set(slugs)) updateTag(tags.role(slug))
  updateTag(tags.roles)
  updateTag(tags.sitemap)
}

function toResult(result: RoleWriteResult<RoleSlugs>, message: string): RoleActionResult {
  if (!result.ok) {
    if (result.conflict) return { ok: false, error: result.error, conflict: result.conflict }
    return result.field ? fail('Please correct the highlighted field.', { fieldErrors: { [result.field]: [result.error] } }) : fail(result.error)
  }
  if (result.data.slugs.length) refresh(result.data.slugs)
  return ok({ id: result.data.id, version: result.data.version }, message)
}

export async function createRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleContentSchema, async (content) => toResult(await createRole(content), 'Role created as a draft.'))
}

export async function saveRoleAction(input: unknown): Promise<RoleActionResult> {
  const result = await handleAction(input, roleSaveSchema, async ({ id, expectedVersion, content }) =>
    toResult(await saveRole(id, expectedVersion, content, await clientIp()), 'Saved. The public page changes when you publish.'),
  )
  // The editor's fields are the content's own: `content.salary.max` is `salary.max` in the form.
  if (!result.ok && result.fieldErrors) {
    return { ...result, fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^content\./, ''), v])) }
  }
  return result
}

export async function publishRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleCommandSchema, async ({ id, expectedVersion }) => toResult(await publishRole(id, expectedVersion, await clientIp()), 'Published: the public page shows this version now.'))
}

export async function unpublishRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleCommandSchema, async ({ id, expectedVersion }) => toResult(await setRoleStatus(id, expectedVersion, 'draft', await clientIp()), 'Unpublished: the public page is gone.'))
}

export async function archiveRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleCommandSchema, async ({ id, expectedVersion }) => toResult(await setRoleStatus(id, expectedVersion, 'archived', await clientIp()), 'Archived.'))
}

export async function trashRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleIdSchema, async ({ id }) => toResult(await trashRole(id, true, await clientIp()), 'Moved to the trash.'))
}

export async function restoreRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleIdSchema, async ({ id }) => toResult(await trashRole(id, false, await clientIp()), 'Restored from the trash.'))
}

export async function purgeRoleAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleIdSchema, async ({ id }) => toResult(await purgeRole(id, await clientIp()), 'Deleted for good.'))
}

export async function restoreRevisionAction(input: unknown): Promise<RoleActionResult> {
  return handleAction(input, roleRestoreSchema, async ({ id, expectedVersion, revisionId }) =>
    toResult(await restoreRevision(id, expectedVersion, revisionId, await clientIp()), 'Revision restored as the newest version (not yet published).'),
  )
}

/** Leaves the draft preview (Next's draft mode). */
export async function exitPreviewAction(): Promise<ActionResult<null>> {
  ;(await draftMode()).disable()
  return ok(null)
}
