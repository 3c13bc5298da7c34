'use server'

import { updateTag } from 'next/cache'
import type { ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { tags } from '@/lib/cache-tags'
import { clientIp } from '@/lib/request'
import * as partnersData from './admin-data'
import { partnerFormSchema, partnerIdSchema, partnerMoveSchema, partnerUpdateSchema, partnerVisibilitySchema } from './schema'

/** The home page and the role pages show the partner strip: every successful write refreshes it. */
function refreshed<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok) updateTag(tags.partners)
  return result
}

/** The new-partner form, as FormData (the logo is a File). Only the schema's fields are read. */
export async function createPartner(form: FormData): Promise<ActionResult<{ id: string }>> {
  return handleAction(form, partnerFormSchema, async (data) => refreshed(await partnersData.createPartner(data, await clientIp())))
}

/** The edit form, as FormData, with the id and the version the editor started from. */
export async function updatePartner(form: FormData): Promise<ActionResult<{ id: string; version: number }>> {
  return handleAction(form, partnerUpdateSchema, async (data) => refreshed(await partnersData.updatePartner(data, await clientIp())))
}

export async function setPartnerVisibility(input: unknown): Promise<ActionResult<{ visible: boolean; version: number }>> {
  return handleAction(input, partnerVisibilitySchema, async ({ id, version, visible }) =>
    refreshed(await partnersData.setPartnerVisibility(id, version, visible, await clientIp())),
  )
}

export async function movePartner(input: unknown): Promise<ActionResult<{ position: number; count: number }>> {
  return handleAction(input, partnerMoveSchema, async ({ id, direction }) => refreshed(await partnersData.movePartner(id, direction, await clientIp())))
}

export async function trashPartner(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, partnerIdSchema, async ({ id }) => refreshed(await partnersData.trashPartner(id, await clientIp())))
}

export async function restorePartner(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, partnerIdSchema, async ({ id }) => refreshed(await partnersData.restorePartner(id, await clientIp())))
}

/** Admins only (checked in the data layer), and only for a partner already in the trash. */
export async function deletePartnerForever(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, partnerIdSchema, async ({ id }) => refreshed(await partnersData.deletePartnerForever(id, await clientIp())))
}
