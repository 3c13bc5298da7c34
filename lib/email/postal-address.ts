import { eq } from 'drizzle-orm'
import { db as appDb, type Database } from '@/db'
import { siteSettings } from '@/db/schema'
import { siteSettingsDefaults, siteSettingsSchema } from '@/lib/site-settings/schema'

/** The postal address from the site settings as it is now (read directly: this also runs outside Next). */
export async function currentPostalAddress(database: Database = appDb): Promise<string> {
  const [row] = await database.select({ content: siteSettings.content }).from(siteSettings).where(eq(siteSettings.id, 1))
  const stored = row?.content && typeof row.content === 'object' ? (row.content as Record<string, unknown>).postalAddress : undefined
  const parsed = siteSettingsSchema.shape.postalAddress.safeParse(stored)
  return parsed.success ? parsed.data : siteSettingsDefaults.postalAddress
}
