'use server'

import type { ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { clientIp } from '@/lib/request'
import * as outbox from './admin-data'
import { resendEmailSchema, type EmailStatus } from './admin-schema'

// The outbox pages render per request (never cached), so no cache tag is refreshed here.

export async function resendEmail(input: unknown): Promise<ActionResult<{ status: EmailStatus }>> {
  return handleAction(input, resendEmailSchema, async (data) => outbox.resendEmail(data, await clientIp()))
}
