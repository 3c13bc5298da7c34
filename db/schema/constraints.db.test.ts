import { eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { roleCategories, roles, roleSkills, skills, users } from '@/db/schema'
import { describeEachEngine } from '@/test/db'

/** The database itself refuses impossible content, whatever code writes it. */
describeEachEngine('check constraints', ({ handle }) => {
  let categoryId: string
  beforeAll(async () => {
    const [c] = await handle().db.insert(roleCategories).values({ slug: 'eng', name: 'Engineering' }).returning()
    categoryId = c!.id
  })

  const role = (over: Partial<typeof roles.$inferInsert> = {}) => ({
    slug: `role-${Math.random().toString(36).slice(2, 8)}`,
    title: 'Some Role',
    categoryId,
    summary: 's',
    overview: 'o',
    ...over,
  })

  // Drizzle wraps driver errors; the constraint name sits on the cause.
  const violation = async (p: Promise<unknown>, constraint: string) => {
    const error = await p.then(() => undefined, (e: unknown) => e as Error & { cause?: { message?: string; constraint?: string } })
    expect(error, `expected ${constraint} to refuse the write`).toBeDefined()
    expect(`${error?.message} ${error?.cause?.message} ${error?.cause?.constraint}`).toContain(constraint)
  }

  it('accepts a consistent salary range', async () => {
    await handle().db.insert(roles).values(role({ salaryMin: 90_000, salaryAvg: 100_000, salaryMax: 120_000 }))
  })

  it('refuses an average salary above the maximum', async () => {
    await violation(handle().db.insert(roles).values(role({ salaryMin: 90_000, salaryAvg: 150_000, salaryMax: 120_000 })), 'roles_salary_order_chk')
  })

  it('refuses a minimum above the average', async () => {
    await violation(handle().db.insert(roles).values(role({ salaryMin: 130_000, salaryAvg: 100_000, salaryMax: 140_000 })), 'roles_salary_order_chk')
  })

  it('refuses a bad slug and a published role without a publish date', async () => {
    await violation(handle().db.insert(roles).values(role({ slug: 'Bad Slug' })), 'roles_slug_chk')
    await violation(handle().db.insert(roles).values(role({ status: 'published' })), 'roles_published_chk')
  })

  it('refuses a share of postings outside 0-100', async () => {
    const [r] = await handle().db.insert(roles).values(role()).returning({ id: roles.id })
    const [s] = await handle().db.insert(skills).values({ name: 'Go', slug: 'go' }).returning({ id: skills.id })
    await violation(handle().db.insert(roleSkills).values({ roleId: r!.id, skillId: s!.id, sharePct: 101 }), 'role_skills_share_chk')
    await violation(handle().db.insert(roleSkills).values({ roleId: r!.id, skillId: s!.id, sharePct: -1 }), 'role_skills_share_chk')
    await handle().db.insert(roleSkills).values({ roleId: r!.id, skillId: s!.id, sharePct: 100 })
    // A skill still used by a role cannot be deleted (ON DELETE RESTRICT); deleting the role cascades.
    await violation(handle().db.delete(skills).where(eq(skills.id, s!.id)), 'role_skills_skill_id_skills_id_fk')
    await handle().db.delete(roles).where(eq(roles.id, r!.id))
    await handle().db.delete(skills).where(eq(skills.id, s!.id))
  })

  it('refuses a mixed-case email and a duplicate one', async () => {
    await violation(handle().db.insert(users).values({ email: 'Ann@Example.com', name: 'Ann' }), 'users_email_lower_chk')
    await handle().db.insert(users).values({ email: 'ann@example.com', name: 'Ann' })
    await violation(handle().db.insert(users).values({ email: 'ann@example.com', name: 'Ann 2' }), 'users_email_key')
  })
})
