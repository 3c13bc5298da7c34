import { eq, sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { queryRows } from '@/db'
import { partners, roles, roleSkills, skills, users } from '@/db/schema'
import { verifyPassword } from '@/lib/auth/password'
import { describeEachEngine } from '@/test/db'
import { seed } from './index'
import { seedRoles } from './content/roles'

const tables = ['users', 'roles', 'role_categories', 'skills', 'role_skills', 'partners', 'media', 'audit_log', 'programs', 'program_roles', 'program_skills', 'opportunities']

describeEachEngine('seed', ({ handle }) => {
  async function counts() {
    const out: Record<string, number> = {}
    for (const t of tables) {
      const [row] = await queryRows<{ n: number }>(handle().db, sql.raw(`select count(*)::int as n from ${t}`))
      out[t] = row!.n
    }
    return out
  }

  let generated: string | undefined

  it('inserts the content and a generated admin password on the first run', async () => {
    const result = await seed(handle().db)
    expect(result.rolesInserted).toBe(seedRoles.length)
    expect(result.partnersInserted).toBe(9)
    expect(result.admin?.email).toBe('admin@example.com')
    generated = result.admin?.password
    expect(generated).toMatch(/^[\w-]{20}$/)
    const [admin] = await handle().db.select().from(users).where(eq(users.email, 'admin@example.com'))
    expect(admin?.role).toBe('admin')
    expect(admin?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(admin!.passwordHash!, generated!)).toBe(true)
  })

  it('changes nothing when run again', async () => {
    const before = await counts()
    const result = await seed(handle().db)
    expect(result).toEqual({ rolesInserted: 0, partnersInserted: 0, programsInserted: 0, opportunitiesInserted: 0, admin: undefined })
    expect(await counts()).toEqual(before)
    expect(before.roles).toBe(seedRoles.length)
    expect(before.partners).toBe(9)
    expect(before.media).toBe(9)
  })

  it('keeps an editor change on a later run', async () => {
    await handle().db.update(roles).set({ title: 'Backend Engineer' }).where(eq(roles.slug, 'back-end-developer'))
    await seed(handle().db)
    const [row] = await handle().db.select({ title: roles.title }).from(roles).where(eq(roles.slug, 'back-end-developer'))
    expect(row?.title).toBe('Backend Engineer')
  })

  it('stores the seed page figures exactly', async () => {
    const [role] = await handle().db.select().from(roles).where(eq(roles.slug, 'back-end-developer'))
    expect(role).toMatchObject({
      status: 'published',
      growthRatePct: 8,
      growthPeriodStart: 2023,
      growthPeriodEnd: 2030,
      entryToSeniorRatio: 2.5,
      demandChangePct: 12,
      demandHubs: ['Silicon Valley', 'Seattle', 'Austin'],
      salaryCurrency: 'USD',
      salaryMin: 95_000,
      salaryAvg: 110_000,
      salaryMax: 145_000,
      salaryMaxOpenEnded: true,
      locationPremiums: [
        { location: 'New York City', premiumPct: 20 },
        { location: 'San Francisco', premiumPct: 20 },
      ],
    })
    expect(role!.responsibilities).toHaveLength(7)
    expect(role!.qualifications).toHaveLength(4)
    expect(role!.trends.find((t) => t.figurePct === 18)).toBeDefined()
    const shares = await handle()
      .db.select({ name: skills.name, share: roleSkills.sharePct })
      .from(roleSkills)
      .innerJoin(skills, eq(skills.id, roleSkills.skillId))
      .where(eq(roleSkills.roleId, role!.id))
    const byName = Object.fromEntries(shares.map((s) => [s.name, s.share]))
    expect(byName).toMatchObject({ Python: 85, Java: 85, MySQL: 75, MongoDB: 75, Microservices: 40, 'Cloud Computing': 40 })
  })

  it('gives every partner a generated WebP logo', async () => {
    const rows = await queryRows<{ name: string; mime_type: string; height: number }>(
      handle().db,
      sql`select p.name, m.mime_type, m.height from ${partners} p join media m on m.id = p.logo_media_id order by p.display_order`,
    )
    expect(rows.map((r) => r.name)).toEqual(['Accenture', 'EY', 'Publicis Groupe', 'KPMG', 'Google', 'Netflix', 'BCG', 'Cognizant', 'Microsoft'])
    expect(new Set(rows.map((r) => r.mime_type))).toEqual(new Set(['image/webp']))
  })
})
