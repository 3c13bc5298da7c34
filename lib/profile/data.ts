import 'server-only'
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm'
import { db, queryRows } from '@/db'
import { candidateProfiles, roleCategories, roles, roleSkills, savedRoles, skills, userSkills, userTargetRoles, users } from '@/db/schema'
import type { CurrentUser } from '@/lib/auth/session'
import { recordConsent } from '@/lib/privacy/consent-records'
import { cleanSkillName, skillSlug } from '@/lib/skills/normalize'
import type { AlertSettingsInput, ProfileInput } from './schema'

export type ProfileResult = { ok: true } | { ok: false; field?: string; error: string }

/** The editable profile of the signed-in user. */
export async function getProfileForEdit(user: CurrentUser) {
  const [row] = await db
    .select({
      name: users.name,
      headline: candidateProfiles.headline,
      location: candidateProfiles.location,
      yearsExperience: candidateProfiles.yearsExperience,
      bio: candidateProfiles.bio,
      isPublic: candidateProfiles.isPublic,
    })
    .from(users)
    .leftJoin(candidateProfiles, eq(candidateProfiles.userId, users.id))
    .where(eq(users.id, user.id))
  const skillRows = await db
    .select({ name: skills.name })
    .from(userSkills)
    .innerJoin(skills, eq(skills.id, userSkills.skillId))
    .where(eq(userSkills.userId, user.id))
    .orderBy(asc(skills.name))
  const targetRows = await db
    .select({ slug: roles.slug })
    .from(userTargetRoles)
    .innerJoin(roles, and(eq(roles.id, userTargetRoles.roleId), eq(roles.status, 'published'), isNull(roles.deletedAt)))
    .where(eq(userTargetRoles.userId, user.id))
    .orderBy(asc(userTargetRoles.position))
  return {
    name: row?.name ?? user.name,
    headline: row?.headline ?? '',
    location: row?.location ?? '',
    yearsExperience: row?.yearsExperience ?? null,
    bio: row?.bio ?? '',
    isPublic: row?.isPublic ?? false,
    skills: skillRows.map((s) => s.name),
    targetRoles: targetRows.map((t) => t.slug),
  } satisfies ProfileInput
}

/** Saves the user's own profile. Unknown skills are created (normalized, de-duplicated). */
export async function updateProfile(user: CurrentUser, input: Omit<ProfileInput, 'yearsExperience'> & { yearsExperience: number | null }): Promise<ProfileResult> {
  const wanted = new Map<string, string>()
  for (const name of input.skills) {
    const slug = skillSlug(name)
    if (slug && !wanted.has(slug)) wanted.set(slug, cleanSkillName(name))
  }
  return db.transaction(async (tx) => {
    const targetRows = input.targetRoles.length
      ? await tx
          .select({ id: roles.id, slug: roles.slug })
          .from(roles)
          .where(and(inArray(roles.slug, input.targetRoles), eq(roles.status, 'published'), isNull(roles.deletedAt)))
      : []
    if (targetRows.length !== input.targetRoles.length) return { ok: false, field: 'targetRoles', error: 'One of the chosen roles is not available' }

    await tx.update(users).set({ name: input.name, updatedAt: sql`now()` }).where(eq(users.id, user.id))
    const profile = { headline: input.headline, location: input.location, yearsExperience: input.yearsExperience, bio: input.bio, isPublic: input.isPublic }
    await tx
      .insert(candidateProfiles)
      .values({ userId: user.id, ...profile })
      .onConflictDoUpdate({ target: candidateProfiles.userId, set: { ...profile, updatedAt: sql`now()` } })

    let skillIds: string[] = []
    if (wanted.size) {
      await tx
        .insert(skills)
        .values([...wanted].map(([slug, name]) => ({ slug, name })))
        .onConflictDoNothing()
      skillIds = (await tx.select({ id: skills.id }).from(skills).where(inArray(skills.slug, [...wanted.keys()]))).map((s) => s.id)
    }
    await tx.delete(userSkills).where(skillIds.length ? and(eq(userSkills.userId, user.id), notInArray(userSkills.skillId, skillIds)) : eq(userSkills.userId, user.id))
    if (skillIds.length) await tx.insert(userSkills).values(skillIds.map((skillId) => ({ userId: user.id, skillId }))).onConflictDoNothing()

    await tx.delete(userTargetRoles).where(eq(userTargetRoles.userId, user.id))
    const idBySlug = new Map(targetRows.map((r) => [r.slug, r.id]))
    if (input.targetRoles.length) {
      await tx.insert(userTargetRoles).values(input.targetRoles.map((slug, position) => ({ userId: user.id, roleId: idBySlug.get(slug)!, position })))
    }
    return { ok: true }
  })
}

/** Saves the alert settings; turning alerts on or off is recorded as a consent change, with the form's wording. */
export async function updateAlertSettings(user: CurrentUser, input: AlertSettingsInput) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ frequency: candidateProfiles.alertFrequency }).from(candidateProfiles).where(eq(candidateProfiles.userId, user.id)).for('update')
    await tx
      .insert(candidateProfiles)
      .values({ userId: user.id, alertFrequency: input.frequency, alertsPausedAt: input.paused ? sql`now()` : null })
      .onConflictDoUpdate({
        target: candidateProfiles.userId,
        set: {
          alertFrequency: input.frequency,
          // Keep the original pause date while it stays paused.
          alertsPausedAt: input.paused ? sql`coalesce(${candidateProfiles.alertsPausedAt}, now())` : null,
          updatedAt: sql`now()`,
        },
      })
    const wasOn = !!before && before.frequency !== 'off'
    const isOn = input.frequency !== 'off'
    if (wasOn !== isOn) await recordConsent(tx, { source: isOn ? 'dashboard-alerts' : 'dashboard-alerts-off', email: user.email, userId: user.id })
  })
}

async function publishedRoleId(slug: string) {
  const [role] = await db
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.slug, slug), eq(roles.status, 'published'), isNull(roles.deletedAt)))
  return role?.id
}

export async function saveRole(user: CurrentUser, slug: string): Promise<ProfileResult> {
  const roleId = await publishedRoleId(slug)
  if (!roleId) return { ok: false, error: 'That role is not available' }
  await db.insert(savedRoles).values({ userId: user.id, roleId }).onConflictDoNothing()
  return { ok: true }
}

export async function unsaveRole(user: CurrentUser, slug: string): Promise<ProfileResult> {
  await db.delete(savedRoles).where(and(eq(savedRoles.userId, user.id), inArray(savedRoles.roleId, db.select({ id: roles.id }).from(roles).where(eq(roles.slug, slug)))))
  return { ok: true }
}

export async function isRoleSaved(user: CurrentUser, slug: string) {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${savedRoles} s join ${roles} r on r.id = s.role_id where s.user_id = ${user.id} and r.slug = ${slug}`)
  return (rows[0]?.n ?? 0) > 0
}

/** Skills whose name starts with (or contains a word starting with) what was typed. */
export async function suggestSkills(query: string, limit = 8) {
  const q = query.trim().toLowerCase().slice(0, 60)
  if (!q) return []
  const pattern = q.replace(/[%_\\]/g, '\\$&')
  return db
    .select({ name: skills.name, slug: skills.slug })
    .from(skills)
    .where(sql`lower(${skills.name}) like ${pattern + '%'} or lower(${skills.name}) like ${'% ' + pattern + '%'}`)
    .orderBy(sql`lower(${skills.name}) like ${pattern + '%'} desc`, asc(skills.name))
    .limit(limit)
}

export interface SkillGapDto {
  slug: string
  title: string
  have: number
  total: number
  missing: { name: string; slug: string; sharePct: number }[]
}

export interface RecommendationDto {
  slug: string
  title: string
  category: string
  haveTop: number
  top: number
  score: number
}

export interface DashboardDto {
  name: string
  emailVerified: boolean
  completeness: { percent: number; missing: string[] }
  targets: SkillGapDto[]
  recommendations: RecommendationDto[]
  saved: { slug: string; title: string; category: string }[]
  alerts: { frequency: AlertSettingsInput['frequency']; paused: boolean }
}

/** Everything the candidate's dashboard shows, for the signed-in user only. */
export async function getDashboard(user: CurrentUser): Promise<DashboardDto> {
  const profile = await getProfileForEdit(user)
  const [prefs] = await db
    .select({ frequency: candidateProfiles.alertFrequency, pausedAt: candidateProfiles.alertsPausedAt })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.userId, user.id))

  const gapRows = await queryRows<{ role_slug: string; title: string; position: number; skill_name: string; skill_slug: string; share_pct: number; has: boolean }>(
    db,
    sql`select r.slug as role_slug, r.title, t.position, s.name as skill_name, s.slug as skill_slug, rs.share_pct,
               exists (select 1 from ${userSkills} us where us.user_id = ${user.id} and us.skill_id = rs.skill_id) as has
          from ${userTargetRoles} t
          join ${roles} r on r.id = t.role_id and r.status = 'published' and r.deleted_at is null
          join ${roleSkills} rs on rs.role_id = r.id
          join ${skills} s on s.id = rs.skill_id
         where t.user_id = ${user.id}
         order by t.position, rs.share_pct desc, rs.position`,
  )
  const targets = new Map<string, SkillGapDto>()
  for (const row of gapRows) {
    const gap = targets.get(row.role_slug) ?? { slug: row.role_slug, title: row.title, have: 0, total: 0, missing: [] }
    gap.total++
    if (row.has) gap.have++
    else gap.missing.push({ name: row.skill_name, slug: row.skill_slug, sharePct: row.share_pct })
    targets.set(row.role_slug, gap)
  }
  // A target role without listed skills still shows.
  for (const slug of profile.targetRoles) {
    if (!targets.has(slug)) {
      const [r] = await db
        .select({ title: roles.title })
        .from(roles)
        .where(and(eq(roles.slug, slug), eq(roles.status, 'published'), isNull(roles.deletedAt)))
      if (r) targets.set(slug, { slug, title: r.title, have: 0, total: 0, missing: [] })
    }
  }

  const recommendations = (
    await queryRows<{ slug: string; title: string; category: string; have_top: number; top: number; score: number }>(
      db,
      sql`with mine as (select skill_id from ${userSkills} where user_id = ${user.id}),
               candidates as (
                 select distinct rs.role_id from ${roleSkills} rs join mine m on m.skill_id = rs.skill_id
                 except select role_id from ${userTargetRoles} where user_id = ${user.id}
                 except select role_id from ${savedRoles} where user_id = ${user.id}),
               -- Per candidate role through the role_skills primary key: a plain join or IN read
               -- all 80,000 role_skills rows into a hash (the window function keeps this lateral).
               ranked as (
                 select c.role_id, s.share_pct, s.has, s.rn
                   from candidates c
                   cross join lateral (
                     select rs.share_pct, rs.skill_id in (select skill_id from mine) as has,
                            row_number() over (order by rs.share_pct desc, rs.position) as rn
                       from ${roleSkills} rs where rs.role_id = c.role_id) s)
          select r.slug, r.title, c.name as category,
                 (count(*) filter (where has and rn <= 8))::int as have_top,
                 least(count(*), 8)::int as top,
                 coalesce(sum(share_pct) filter (where has), 0)::int as score
            from ranked k
            join ${roles} r on r.id = k.role_id and r.status = 'published' and r.deleted_at is null
            join ${roleCategories} c on c.id = r.category_id
           group by r.id, c.name
           order by score desc, r.title
           limit 5`,
    )
  ).map((r) => ({ slug: r.slug, title: r.title, category: r.category, haveTop: r.have_top, top: r.top, score: r.score }))

  const saved = await queryRows<{ slug: string; title: string; category: string }>(
    db,
    sql`select r.slug, r.title, c.name as category from ${savedRoles} s
          join ${roles} r on r.id = s.role_id and r.status = 'published' and r.deleted_at is null
          join ${roleCategories} c on c.id = r.category_id
         where s.user_id = ${user.id} order by s.created_at desc`,
  )

  const checks: [boolean, string][] = [
    [!!profile.headline, 'a headline'],
    [!!profile.location, 'your location'],
    [profile.yearsExperience !== null, 'your years of experience'],
    [!!profile.bio, 'a short bio'],
    [profile.skills.length >= 3, 'at least three skills'],
    [profile.targetRoles.length >= 1, 'a target role'],
    [user.emailVerified, 'a confirmed email address'],
  ]
  const done = checks.filter(([ok]) => ok).length + 1 // the name is always there
  return {
    name: profile.name,
    emailVerified: user.emailVerified,
    completeness: { percent: Math.round((done / (checks.length + 1)) * 100), missing: checks.filter(([ok]) => !ok).map(([, label]) => label) },
    targets: [...targets.values()],
    recommendations,
    saved,
    alerts: { frequency: prefs?.frequency ?? 'weekly', paused: !!prefs?.pausedAt },
  }
}
