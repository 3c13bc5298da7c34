'use server'

import type { ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { clientIp } from '@/lib/request'
import * as inbox from './admin-data'
import { addInquiryNoteSchema, assignInquirySchema, setInquiryStatusSchema } from './schema'

// The inbox is per request (never cached), so these refresh no cache tag; the page re-reads on refresh.

export async function setInquiryStatus(input: unknown): Promise<ActionResult<{ version: number }>> {
  return handleAction(input, setInquiryStatusSchema, async (data) => inbox.setInquiryStatus(data, await clientIp()))
}

export async function assignInquiry(input: unknown): Promise<ActionResult<{ version: number }>> {
  return handleAction(input, assignInquirySchema, async (data) => inbox.assignInquiry(data, await clientIp()))
}

export async function addInquiryNote(input: unknown): Promise<ActionResult<{ version: number; noteId: string }>> {
  return handleAction(input, addInquiryNoteSchema, async (data) => inbox.addInquiryNote(data, await clientIp()))
}
