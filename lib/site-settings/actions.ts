'use server'

import { updateTag } from 'next/cache'
import { fail, ok, type ActionResult } from '@/lib/action-result'
import { handleAction } from '@/lib/actions'
import { tags } from '@/lib/cache-tags'
import { clientIp } from '@/lib/request'
import { saveSiteSettings } from './data'
import { saveSiteSettingsSchema } from './schema'

export async function saveSiteSettingsAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return handleAction(input, saveSiteSettingsSchema, async ({ settings, expectedVersion }) => {
    const result = await saveSiteSettings(settings, expectedVersion, await clientIp())
    if (!result.ok) return fail(result.error)
    if (!result.data.changed) return ok({ version: result.data.version }, 'Nothing changed since the last save.')
    updateTag(tags.siteSettings)
    return ok({ version: result.data.version }, 'The site settings were saved. Public pages show them from now on.')
  })
}
