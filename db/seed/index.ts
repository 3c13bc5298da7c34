import { createHash, randomBytes } from 'node:crypto'
import { inArray, sql } from 'drizzle-orm'
import { hashPassword } from '@/lib/auth/password'
import { cleanSkillName, skillSlug } from '@/lib/skills/normalize'
import type { Database } from '../index'
import { media, partners, roleCategories, roles, roleSkills, skills, users } from '../schema'
import { seedCategories } from './content/types'
import { seedRoles } from './content/roles'
import { monogramLogo } from './monogram'
import { seedPartners } from './partners'
import { seedProgramsAndOpportunities } from './content/programs'

export interface SeedOptions {
  adminEmail?: string
  adminPassword?: string
}

export interface SeedResult {
  rolesInserted: number
  partnersInserted: number
  programsInserted: number
  opportunitiesInserted: number
  /** Set when this run created the admin account; `password` only when it was generated. */
  admin?: { email: string; password?: string }
}

/**
 * Seeds the platform's starting content. Idempotent: rows are matched by their natural keys
 * (slugs, email) and never overwritten, so a second run, or a run after editors changed the
 * content, changes nothing.
 */
export async function seed(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  // Work that needs no transaction (hashing, image encoding) happens before it opens.
  const adminEmail = (options.adminEmail ?? 'admin@example.com').toLowerCase()
  const generatedPassword = options.adminPassword ? undefined : randomBytes(15).toString('base64url')
  const adminPasswordHash = await hashPassword(options.adminPassword ?? generatedPassword!)
  const logos = await Promise.all(seedPartners.map((p) => monogramLogo(p.name)))

  return db.transaction(async (tx) => {
    await tx
      .insert(roleCategories)
      .values(seedCategories.map((c, i) => ({ ...c, sortOrder: i })))
      .onConflictDoNothing({ target: roleCategories.slug })
    const categoryRows = await tx.select({ id: roleCategories.id, slug: roleCategories.slug }).from(roleCategories)
    const categoryId = new Map(categoryRows.map((c) => [c.slug, c.id]))

    const skillNames = new Map<string, string>()
    for (const role of seedRoles) {
      for (const s of role.skills) skillNames.set(skillSlug(s.name), cleanSkillName(s.name))
    }
    await tx
      .insert(skills)
      .values([...skillNames].map(([slug, name]) => ({ slug, name })))
      .onConflictDoNothing()
    const skillRows = await tx
      .select({ id: skills.id, slug: skills.slug })
      .from(skills)
      .where(inArray(skills.slug, [...skillNames.keys()]))
    const skillId = new Map(skillRows.map((s) => [s.slug, s.id]))

    let rolesInserted = 0
    for (const role of seedRoles) {
      const status = role.status ?? 'published'
      const [inserted] = await tx
        .insert(roles)
        .values({
          slug: role.slug,
          title: role.title,
          categoryId: categoryId.get(role.category)!,
          summary: role.summary,
          overview: role.overview,
          status,
          publishedAt: status === 'published' ? sql`now()` : null,
          responsibilities: role.responsibilities,
          qualifications: role.qualifications,
          trends: role.trends,
          growthRatePct: role.market.growthRatePct,
          growthPeriodStart: role.market.growthPeriodStart,
          growthPeriodEnd: role.market.growthPeriodEnd,
          growthDriver: role.market.growthDriver,
          entryToSeniorRatio: role.market.entryToSeniorRatio,
          demandChangePct: role.market.demandChangePct,
          demandChangePeriod: role.market.demandChangePeriod,
          demandHubs: role.market.demandHubs,
          salaryCurrency: role.salary.currency,
          salaryRegion: role.salary.region,
          salaryMin: role.salary.min,
          salaryAvg: role.salary.avg,
          salaryMax: role.salary.max,
          salaryMaxOpenEnded: role.salary.maxOpenEnded,
          locationPremiums: role.salary.locationPremiums,
          sources: role.sources,
          lastReviewedAt: role.lastReviewedAt,
        })
        .onConflictDoNothing({ target: roles.slug })
        .returning({ id: roles.id })
      if (!inserted) continue
      rolesInserted++
      await tx.insert(roleSkills).values(
        role.skills.map((s, position) => ({
          roleId: inserted.id,
          skillId: skillId.get(skillSlug(s.name))!,
          sharePct: s.sharePct,
          isEmerging: s.emerging ?? false,
          position,
        })),
      )
    }

    let partnersInserted = 0
    for (const [i, partner] of seedPartners.entries()) {
      const exists = await tx.query.partners.findFirst({ where: (p, { eq }) => eq(p.slug, partner.slug), columns: { id: true } })
      if (exists) continue
      const logo = logos[i]!
      const [file] = await tx
        .insert(media)
        .values({
          bytes: logo.bytes,
          mimeType: logo.mimeType,
          byteSize: logo.bytes.byteLength,
          width: logo.width,
          height: logo.height,
          sha256: createHash('sha256').update(logo.bytes).digest('hex'),
          altText: `${partner.name} logo`,
        })
        .returning({ id: media.id })
      await tx.insert(partners).values({ ...partner, logoMediaId: file!.id, displayOrder: i, visible: true })
      partnersInserted++
    }

    // Sample programs and opportunities link to the roles, skills and partners above.
    const samples = await seedProgramsAndOpportunities(tx)

    const [admin] = await tx
      .insert(users)
      .values({
        email: adminEmail,
        name: 'Site administrator',
        passwordHash: adminPasswordHash,
        role: 'admin',
        emailVerifiedAt: sql`now()`,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id })

    return {
      rolesInserted,
      partnersInserted,
      ...samples,
      admin: admin ? { email: adminEmail, password: generatedPassword } : undefined,
    }
  })
}
