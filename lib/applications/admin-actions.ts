'use server'

import { updateTag } from 'next/cache'
import type { ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { tags } from '@/lib/cache-tags'
import { clientIp } from '@/lib/request'
import type { ApplicationStatus } from '@/db/schema'
import * as review from './admin-data'
import { applicationMoveSchema, applicationNoteSchema, applicationScoreSchema, templateSaveSchema } from './admin-schema'

/** A reviewer's status change (admins only), from the version on their page. An acceptance refreshes the trainer cards. */
export async function moveApplication(input: unknown): Promise<ActionResult<{ status: ApplicationStatus; version: number }>> {
  return handleAction(input, applicationMoveSchema, async (data) => {
    const result = await review.moveApplication(data, await clientIp())
    if (result.ok && result.data.status === 'accepted') updateTag(tags.trainers)
    return result
  })
}

export async function addApplicationNote(input: FormData | unknown): Promise<ActionResult<{ id: string }>> {
  return handleAction(input, applicationNoteSchema, async (data) => review.addApplicationNote(data, await clientIp()))
}

export async function saveApplicationScore(input: FormData | unknown): Promise<ActionResult<review.ScoreCard>> {
  return handleAction(input, applicationScoreSchema, async (data) => review.saveApplicationScore(data, await clientIp()))
}

export async function saveDecisionTemplate(input: FormData | unknown): Promise<ActionResult<{ version: number }>> {
  return handleAction(input, templateSaveSchema, async (data) => review.saveDecisionTemplate(data, await clientIp()))
}
