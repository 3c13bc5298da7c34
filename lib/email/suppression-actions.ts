'use server'

import type { ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { clientIp } from '@/lib/request'
import { addSuppressionAsAdmin, clearSuppressionAsAdmin } from './suppression-admin'
import { addSuppressionSchema, clearSuppressionSchema } from './suppression-schema'

// /admin/suppressions renders per request (never cached), so no cache tag is refreshed here.

export async function addEmailSuppression(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, addSuppressionSchema, async (data) => addSuppressionAsAdmin(data, await clientIp()))
}

export async function clearEmailSuppression(input: unknown): Promise<ActionResult<null>> {
  return handleAction(input, clearSuppressionSchema, async ({ email }) => clearSuppressionAsAdmin(email, await clientIp()))
}
