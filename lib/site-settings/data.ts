import 'server-only'
import { eq, sql } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import type { z } from 'zod'
import { db } from '@/db'
import { siteSettings, users } from '@/db/schema'
import { writeAudit } from '@/lib/audit'
import { requireRole } from '@/lib/auth/session'
import { tags } from '@/lib/cache-tags'
import { siteSettingsDefaults, siteSettingsSchema, type SiteSettings } from './schema'

/** The table holds one row, always this id (a check constraint says so). */
const settingsRowId = 1

export const settingsConflictMessage = 'Someone else saved these settings first. Reload to see their changes; your text is still in the form.'

/**
 * Stored settings read back: a field that is missing or no longer valid (an older shape, a
 * hand-edited row) takes its default instead of breaking the public pages.
 */
export function settingsFromStored(stored: unknown): SiteSettings {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return siteSettingsDefaults
  const whole = siteSettingsSchema.safeParse(stored)
  if (whole.success) return whole.data
  const value = stored as Record<string, unknown>
  const pick = <T>(schema: z.ZodType<T>, input: unknown, fallback: T): T => {
    const parsed = schema.safeParse(input)
    return parsed.success ? parsed.data : fallback
  }
  const group = (key: 'hero' | 'ctas') => (value[key] && typeof value[key] === 'object' ? (value[key] as Record<string, unknown>) : {})
  const shape = siteSettingsSchema.shape
  const hero = group('hero')
  const ctas = group('ctas')
  const ctaShape = shape.ctas.shape
  return {
    siteName: pick(shape.siteName, value.siteName, siteSettingsDefaults.siteName),
    postalAddress: pick(shape.postalAddress, value.postalAddress, siteSettingsDefaults.postalAddress),
    teamEmail: pick(shape.teamEmail, value.teamEmail, siteSettingsDefaults.teamEmail),
    socialLinks: pick(shape.socialLinks, value.socialLinks, siteSettingsDefaults.socialLinks),
    hero: {
      eyebrow: pick(shape.hero.shape.eyebrow, hero.eyebrow, siteSettingsDefaults.hero.eyebrow),
      heading: pick(shape.hero.shape.heading, hero.heading, siteSettingsDefaults.hero.heading),
      text: pick(shape.hero.shape.text, hero.text, siteSettingsDefaults.hero.text),
    },
    ctas: {
      createProfile: pick(ctaShape.createProfile, ctas.createProfile, siteSettingsDefaults.ctas.createProfile),
      bookDemo: pick(ctaShape.bookDemo, ctas.bookDemo, siteSettingsDefaults.ctas.bookDemo),
      trainersApply: pick(ctaShape.trainersApply, ctas.trainersApply, siteSettingsDefaults.ctas.trainersApply),
      partnerships: pick(ctaShape.partnerships, ctas.partnerships, siteSettingsDefaults.ctas.partnerships),
      newsletter: pick(ctaShape.newsletter, ctas.newsletter, siteSettingsDefaults.ctas.newsletter),
    },
    privacyPolicy: pick(shape.privacyPolicy, value.privacyPolicy, siteSettingsDefaults.privacyPolicy),
    terms: pick(shape.terms, value.terms, siteSettingsDefaults.terms),
  }
}

/**
 * The site-wide settings for public pages: cached, refreshed by the `site-settings` tag, and the
 * defaults (the copy the site always had) until an admin saves. Public, so no role check; call it
 * only from routes rendered on request (it opens the database, which `next build` must not).
 */
export const getSiteSettings = unstable_cache(
  async (): Promise<SiteSettings> => {
    const [row] = await db.select({ content: siteSettings.content }).from(siteSettings).where(eq(siteSettings.id, settingsRowId))
    return row ? settingsFromStored(row.content) : siteSettingsDefaults
  },
  ['site-settings'],
  { tags: [tags.siteSettings] },
)

export interface SiteSettingsForEditDto {
  settings: SiteSettings
  /** 0 while nothing was ever saved. */
  version: number
  updatedAt: string | null
  updatedBy: string | null
}

/** The settings as the admin form starts from them, with the version to save against. Uncached. */
export async function getSiteSettingsForEdit(): Promise<SiteSettingsForEditDto> {
  await requireRole('admin')
  const [row] = await db
    .select({ content: siteSettings.content, version: siteSettings.version, updatedAt: siteSettings.updatedAt, updatedBy: users.name })
    .from(siteSettings)
    .leftJoin(users, eq(users.id, siteSettings.updatedBy))
    .where(eq(siteSettings.id, settingsRowId))
  if (!row) return { settings: siteSettingsDefaults, version: 0, updatedAt: null, updatedBy: null }
  return { settings: settingsFromStored(row.content), version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy }
}

export type SiteSettingsWriteResult = { ok: true; data: { version: number; changed: boolean } } | { ok: false; error: string; conflict?: { version: number } }

/** Top-level fields that differ, old and new side by side, for the audit row. */
function changedFields(before: SiteSettings, after: SiteSettings) {
  const old: Record<string, unknown> = {}
  const now: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof SiteSettings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      old[key] = before[key]
      now[key] = after[key]
    }
  }
  return { old, now }
}

/**
 * Saves the settings from the version the admin started with (0: nothing saved yet). A save made
 * meanwhile by someone else is never overwritten: the caller gets a conflict instead.
 */
export async function saveSiteSettings(input: SiteSettings, expectedVersion: number, ip?: string): Promise<SiteSettingsWriteResult> {
  const admin = await requireRole('admin')
  // Only the schema's fields are stored, whatever else the caller's object carries.
  const content = siteSettingsSchema.parse(input)
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ content: siteSettings.content, version: siteSettings.version })
      .from(siteSettings)
      .where(eq(siteSettings.id, settingsRowId))
      .for('update')
    const currentVersion = row?.version ?? 0
    if (currentVersion !== expectedVersion) return { ok: false, error: settingsConflictMessage, conflict: { version: currentVersion } }
    const before = row ? settingsFromStored(row.content) : siteSettingsDefaults
    const { old, now } = changedFields(before, content)
    if (row && Object.keys(now).length === 0) return { ok: true, data: { version: currentVersion, changed: false } }

    const version = currentVersion + 1
    const [written] = row
      ? await tx
          .update(siteSettings)
          .set({ content, version, updatedBy: admin.id, updatedAt: sql`now()` })
          .where(eq(siteSettings.id, settingsRowId))
          .returning({ version: siteSettings.version })
      : // Two first saves at once: the second finds the row there and gets a conflict.
        await tx
          .insert(siteSettings)
          .values({ id: settingsRowId, content, version, updatedBy: admin.id })
          .onConflictDoNothing({ target: siteSettings.id })
          .returning({ version: siteSettings.version })
    if (!written) return { ok: false, error: settingsConflictMessage }
    await writeAudit(tx, {
      actorId: admin.id,
      action: 'site_settings.save',
      entityType: 'site_settings',
      entityId: String(settingsRowId),
      before: { version: currentVersion, ...old },
      after: { version, ...now },
      ip,
    })
    return { ok: true, data: { version, changed: true } }
  })
}
