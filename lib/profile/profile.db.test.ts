import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))

import { queryRows, type Database } from '@/db'
import { candidateProfiles, roleCategories, roles, roleSkills, savedRoles, skills, userSkills, userTargetRoles, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { createAccount } from '@/lib/accounts/data'
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session'
import { describeEachEngine } from '@/test/db'
import { signInAs, signOut } from '@/test/session'
import { saveAlertSettings, saveProfile, setRoleSaved } from './actions'
import { getDashboard, getProfileForEdit } from './data'
import type { ProfileInput } from './schema'

const PASSWORD = 'violet tangerine harbour 42'
const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const saved = { ok: true, data: null, message: 'Your profile was saved.' }

let counter = 0
const runId = Math.random().toString(36).slice(2, 7)
const uniqueEmail = (tag = 'cand') => `${tag}-${runId}-${++counter}@example.com`

function profile(over: Partial<ProfileInput> = {}): ProfileInput {
  return { name: 'Pat Candidate', headline: '', location: '', yearsExperience: null, bio: '', skills: [], targetRoles: [], isPublic: false, ...over }
}

describeEachEngine('candidate profile', ({ handle }) => {
  const d = (): Database => handle().db

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
  })

  beforeEach(() => {
    signOut()
  })

  async function createCandidate(name = `Candidate ${counter}`) {
    const email = uniqueEmail()
    expect(await createAccount({ name, email, password: PASSWORD })).toEqual({ ok: true })
    const [row] = await d().select().from(users).where(eq(users.email, email))
    return row!
  }

  /** Signs in as the user and answers what getCurrentUser() sees. */
  async function as(user: { id: string }): Promise<CurrentUser> {
    await signInAs(user)
    const me = await getCurrentUser()
    expect(me?.id).toBe(user.id)
    return me!
  }

  /** Everything of one user that the profile features write. */
  async function state(userId: string) {
    const [user] = await d().select().from(users).where(eq(users.id, userId))
    const [prof] = await d().select().from(candidateProfiles).where(eq(candidateProfiles.userId, userId))
    const skillRows = await d()
      .select({ id: skills.id, slug: skills.slug, name: skills.name })
      .from(userSkills)
      .innerJoin(skills, eq(skills.id, userSkills.skillId))
      .where(eq(userSkills.userId, userId))
      .orderBy(asc(skills.slug))
    const targets = await d()
      .select({ slug: roles.slug, position: userTargetRoles.position })
      .from(userTargetRoles)
      .innerJoin(roles, eq(roles.id, userTargetRoles.roleId))
      .where(eq(userTargetRoles.userId, userId))
      .orderBy(asc(userTargetRoles.position))
    const savedRows = await d()
      .select({ slug: roles.slug })
      .from(savedRoles)
      .innerJoin(roles, eq(roles.id, savedRoles.roleId))
      .where(eq(savedRoles.userId, userId))
      .orderBy(asc(roles.slug))
    return { user, profile: prof, skills: skillRows, targets, saved: savedRows.map((r) => r.slug) }
  }

  /** One hash per table of the public schema: any write anywhere changes it. */
  async function fingerprint() {
    const tables = await queryRows<{ table_name: string }>(
      d(),
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
    const out: Record<string, string> = {}
    for (const { table_name } of tables) {
      const [row] = await queryRows<{ h: string }>(d(), sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table_name}" t`))
      out[table_name] = row!.h
    }
    return out
  }

  async function skillBySlug(slug: string) {
    return d().select().from(skills).where(eq(skills.slug, slug))
  }

  /** A role's listed skills, straight from role_skills. */
  async function roleSkillRows(slug: string) {
    return d()
      .select({ skillId: roleSkills.skillId, name: skills.name, slug: skills.slug, sharePct: roleSkills.sharePct })
      .from(roleSkills)
      .innerJoin(roles, eq(roles.id, roleSkills.roleId))
      .innerJoin(skills, eq(skills.id, roleSkills.skillId))
      .where(eq(roles.slug, slug))
  }

  // ---------------------------------------------------------------------------------------------
  describe('saveProfile', () => {
    it('saves the fields of the caller', async () => {
      const user = await createCandidate()
      await as(user)
      const input = profile({ name: '  Pat Q. Candidate ', headline: ' Backend engineer ', location: 'Berlin', yearsExperience: 7, bio: 'Line one\nLine two', isPublic: true, skills: ['Python'], targetRoles: ['data-engineer', 'back-end-developer'] })
      expect(await saveProfile(input)).toEqual(saved)
      const s = await state(user.id)
      expect(s.user).toMatchObject({ name: 'Pat Q. Candidate', role: 'candidate', email: user.email })
      expect(s.profile).toMatchObject({ headline: 'Backend engineer', location: 'Berlin', yearsExperience: 7, bio: 'Line one\nLine two', isPublic: true })
      expect(s.skills.map((k) => k.slug)).toEqual(['python'])
      expect(s.targets).toEqual([
        { slug: 'data-engineer', position: 0 },
        { slug: 'back-end-developer', position: 1 },
      ])

      // Saving again replaces skills and targets; 0 and 70 years and an empty list are fine.
      expect(await saveProfile(profile({ yearsExperience: 0, skills: [], targetRoles: ['devops-engineer'] }))).toEqual(saved)
      const again = await state(user.id)
      expect(again.profile!.yearsExperience).toBe(0)
      expect(again.skills).toEqual([])
      expect(again.targets).toEqual([{ slug: 'devops-engineer', position: 0 }])
      expect(await saveProfile(profile({ yearsExperience: 70 }))).toEqual(saved)
      expect((await state(user.id)).profile!.yearsExperience).toBe(70)
      expect(await saveProfile(profile({ yearsExperience: null }))).toEqual(saved)
      expect((await state(user.id)).profile!.yearsExperience).toBeNull()
    })

    it('de-duplicates skills by slug, matches existing ones and creates an unknown one once', async () => {
      const [nodeJs] = await skillBySlug('node-js')
      const [python] = await skillBySlug('python')
      expect(nodeJs?.name).toBe('Node.js')
      expect(python?.name).toBe('Python')
      const skillCount = async () => (await queryRows<{ n: number }>(d(), sql`select count(*)::int as n from ${skills}`))[0]!.n
      const before = await skillCount()
      const existedBefore = (await skillBySlug('quantum-basket-weaving')).length

      const a = await createCandidate()
      await as(a)
      expect(await saveProfile(profile({ skills: ['node.js', 'Node.JS', ' python ', 'Quantum Basket Weaving', 'quantum   basket weaving', 'QUANTUM BASKET WEAVING'] }))).toEqual(saved)
      const s = await state(a.id)
      expect(s.skills.map((k) => k.slug)).toEqual(['node-js', 'python', 'quantum-basket-weaving'])
      expect(s.skills.find((k) => k.slug === 'node-js')!.id).toBe(nodeJs!.id)
      expect(s.skills.find((k) => k.slug === 'python')!.id).toBe(python!.id)
      const created = await skillBySlug('quantum-basket-weaving')
      expect(created).toHaveLength(1)
      expect(created[0]!.name).toBe('Quantum Basket Weaving') // the first spelling written
      expect(await skillCount()).toBe(before + (existedBefore ? 0 : 1))
      // Existing skill names are not rewritten by a user's spelling.
      expect((await skillBySlug('node-js'))[0]!.name).toBe('Node.js')

      // A second user typing it again reuses the same skill.
      const b = await createCandidate()
      await as(b)
      expect(await saveProfile(profile({ skills: ['quantum basket-weaving'] }))).toEqual(saved)
      expect((await state(b.id)).skills.map((k) => k.id)).toEqual([created[0]!.id])
      expect(await skillCount()).toBe(before + (existedBefore ? 0 : 1))
    })

    it('allows five target roles and refuses six, changing nothing', async () => {
      const user = await createCandidate()
      await as(user)
      const five = ['back-end-developer', 'data-engineer', 'devops-engineer', 'front-end-developer', 'data-scientist']
      expect(await saveProfile(profile({ targetRoles: five, skills: ['Python'] }))).toEqual(saved)
      expect((await state(user.id)).targets.map((t) => t.slug)).toEqual(five)

      const before = await fingerprint()
      const result = await saveProfile(profile({ headline: 'changed', targetRoles: [...five, 'cloud-architect'] }))
      expect(result).toMatchObject({ ok: false, fieldErrors: { targetRoles: ['Choose at most 5 target roles'] } })
      expect(await fingerprint()).toEqual(before)
    })

    it.each([
      { label: 'a draft role', targetRoles: ['back-end-developer', 'blockchain-developer'], error: 'One of the chosen roles is not available' },
      { label: 'an unknown role', targetRoles: ['no-such-role'], error: 'One of the chosen roles is not available' },
      { label: 'a role twice', targetRoles: ['data-engineer', 'data-engineer'], error: 'Each role only once' },
      { label: 'a malformed slug', targetRoles: ['Data Engineer'], error: 'Unknown role' },
    ])('refuses $label as a target role and changes nothing', async ({ targetRoles, error }) => {
      const user = await createCandidate()
      await as(user)
      expect(await saveProfile(profile({ headline: 'Before', skills: ['Python'], targetRoles: ['devops-engineer'] }))).toEqual(saved)
      const before = await fingerprint()
      const result = await saveProfile(profile({ headline: 'After', skills: ['Go', 'Rust'], targetRoles }))
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(Object.values(result.fieldErrors ?? {}).flat()).toContain(error)
      expect(Object.keys(result.fieldErrors ?? {})[0]).toMatch(/^targetRoles/)
      expect(await fingerprint()).toEqual(before)
      expect((await state(user.id)).profile!.headline).toBe('Before')
    })

    it.each<{ label: string; over: Record<string, unknown>; field: string }>([
      { label: 'negative years', over: { yearsExperience: -1 }, field: 'yearsExperience' },
      { label: '71 years', over: { yearsExperience: 71 }, field: 'yearsExperience' },
      { label: 'fractional years', over: { yearsExperience: 2.5 }, field: 'yearsExperience' },
      { label: 'years as text', over: { yearsExperience: '5' }, field: 'yearsExperience' },
      { label: 'a 1001-character bio', over: { bio: 'b'.repeat(1001) }, field: 'bio' },
      { label: 'a 121-character headline', over: { headline: 'h'.repeat(121) }, field: 'headline' },
      { label: 'a control character in the location', over: { location: 'Ber\u0007lin' }, field: 'location' },
      { label: 'an empty name', over: { name: ' ' }, field: 'name' },
      { label: '51 skills', over: { skills: Array.from({ length: 51 }, (_, i) => `Skill ${i}`) }, field: 'skills' },
      { label: 'a 61-character skill', over: { skills: ['s'.repeat(61)] }, field: 'skills.0' },
      { label: 'isPublic as text', over: { isPublic: 'true' }, field: 'isPublic' },
    ])('refuses $label and changes nothing', async ({ over, field }) => {
      const user = await createCandidate()
      await as(user)
      expect(await saveProfile(profile({ headline: 'Kept', yearsExperience: 3 }))).toEqual(saved)
      const before = await fingerprint()
      const result = await saveProfile({ ...profile({ headline: 'Lost' }), ...over })
      expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } })
      expect(await fingerprint()).toEqual(before)
    })

    it('accepts a 1000-character bio', async () => {
      const user = await createCandidate()
      await as(user)
      expect(await saveProfile(profile({ bio: 'b'.repeat(1000) }))).toEqual(saved)
      expect((await state(user.id)).profile!.bio).toHaveLength(1000)
    })

    it("ignores extra keys: only the caller's rows change and the caller stays a candidate", async () => {
      const a = await createCandidate('Alice')
      const b = await createCandidate('Bob')
      await as(b)
      expect(await saveProfile(profile({ name: 'Bob', headline: 'B headline', skills: ['Java'], targetRoles: ['mobile-developer'] }))).toEqual(saved)
      const bBefore = await state(b.id)

      const meA = await as(a)
      const result = await saveProfile({
        ...profile({ name: 'Alice', headline: 'A headline', skills: ['Kotlin'], targetRoles: ['data-engineer'] }),
        role: 'admin',
        userId: b.id,
        user_id: b.id,
        id: b.id,
        email: 'takeover@example.com',
        emailVerifiedAt: '2020-01-01',
        sessionVersion: 42,
        alertFrequency: 'daily',
      })
      expect(result).toEqual(saved)
      const aAfter = await state(a.id)
      expect(aAfter.user).toMatchObject({ role: 'candidate', email: a.email, emailVerifiedAt: null, sessionVersion: meA.sessionVersion })
      expect(aAfter.profile).toMatchObject({ headline: 'A headline', alertFrequency: 'weekly' })
      expect(aAfter.skills.map((k) => k.slug)).toEqual(['kotlin'])
      expect(aAfter.targets.map((t) => t.slug)).toEqual(['data-engineer'])
      expect(await state(b.id)).toEqual(bBefore)
      expect(await getCurrentUser()).toMatchObject({ id: a.id, role: 'candidate' })
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('authorization', () => {
    it('refuses anonymous callers and writes nothing', async () => {
      const someone = await createCandidate()
      signOut()
      const before = await fingerprint()
      expect(await saveProfile(profile({ headline: 'anon' }))).toEqual(signInRequired)
      expect(await saveProfile({ ...profile({ headline: 'anon' }), userId: someone.id })).toEqual(signInRequired)
      expect(await saveAlertSettings({ frequency: 'daily', paused: true })).toEqual(signInRequired)
      expect(await setRoleSaved({ slug: 'data-engineer', saved: true })).toEqual(signInRequired)
      expect(await setRoleSaved({ slug: 'data-engineer', saved: false })).toEqual(signInRequired)
      expect(await fingerprint()).toEqual(before)
    })

    it('refuses a cookie whose session was ended, and writes nothing', async () => {
      const user = await createCandidate()
      await as(user)
      await d().update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id))
      const before = await fingerprint()
      expect(await saveProfile(profile({ headline: 'stale' }))).toEqual(signInRequired)
      expect(await saveAlertSettings({ frequency: 'off', paused: false })).toEqual(signInRequired)
      expect(await setRoleSaved({ slug: 'data-engineer', saved: true })).toEqual(signInRequired)
      expect(await fingerprint()).toEqual(before)
    })

    it("never touches another user's data", async () => {
      const a = await createCandidate('Writer A')
      const b = await createCandidate('Bystander B')
      await as(b)
      expect(await saveProfile(profile({ name: 'Bystander B', headline: 'B', skills: ['Swift', 'Kotlin'], targetRoles: ['mobile-developer'] }))).toEqual(saved)
      expect(await setRoleSaved({ slug: 'data-scientist', saved: true })).toMatchObject({ ok: true })
      expect(await saveAlertSettings({ frequency: 'monthly', paused: true })).toMatchObject({ ok: true })
      const bBefore = await state(b.id)

      await as(a)
      expect(await saveProfile(profile({ name: 'Writer A', headline: 'A', skills: ['Python', 'SQL'], targetRoles: ['data-engineer'] }))).toEqual(saved)
      expect(await saveProfile(profile({ name: 'Writer A', headline: 'A2', skills: [], targetRoles: [] }))).toEqual(saved)
      expect(await setRoleSaved({ slug: 'data-scientist', saved: true })).toMatchObject({ ok: true })
      expect(await setRoleSaved({ slug: 'data-scientist', saved: false })).toMatchObject({ ok: true, data: { saved: false } })
      expect(await saveAlertSettings({ frequency: 'off', paused: false })).toMatchObject({ ok: true })

      expect(await state(b.id)).toEqual(bBefore)
      expect(bBefore.saved).toEqual(['data-scientist'])
      const aNow = await state(a.id)
      expect(aNow.profile).toMatchObject({ headline: 'A2', alertFrequency: 'off', alertsPausedAt: null })
      expect(aNow.saved).toEqual([])
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('getDashboard', () => {
    it('reports completeness and what is missing as the profile fills up', async () => {
      const user = await createCandidate('Dash Board')
      let dash = await getDashboard(await as(user))
      expect(dash.name).toBe('Dash Board')
      expect(dash.completeness).toEqual({
        percent: 13,
        missing: ['a headline', 'your location', 'your years of experience', 'a short bio', 'at least three skills', 'a target role', 'a confirmed email address'],
      })

      expect(await saveProfile(profile({ name: 'Dash Board', headline: 'Analyst', location: 'Oslo' }))).toEqual(saved)
      dash = await getDashboard(await as(user))
      expect(dash.completeness).toEqual({ percent: 38, missing: ['your years of experience', 'a short bio', 'at least three skills', 'a target role', 'a confirmed email address'] })

      // Two skills are not enough; zero years count as filled in.
      expect(await saveProfile(profile({ name: 'Dash Board', headline: 'Analyst', location: 'Oslo', yearsExperience: 0, bio: 'Hi', skills: ['SQL', 'Python'] }))).toEqual(saved)
      dash = await getDashboard(await as(user))
      expect(dash.completeness).toEqual({ percent: 63, missing: ['at least three skills', 'a target role', 'a confirmed email address'] })

      expect(
        await saveProfile(profile({ name: 'Dash Board', headline: 'Analyst', location: 'Oslo', yearsExperience: 0, bio: 'Hi', skills: ['SQL', 'Python', 'Airflow'], targetRoles: ['data-engineer'] })),
      ).toEqual(saved)
      dash = await getDashboard(await as(user))
      expect(dash.completeness).toEqual({ percent: 88, missing: ['a confirmed email address'] })
      expect(dash.emailVerified).toBe(false)

      await d().update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id))
      dash = await getDashboard(await as(user))
      expect(dash.completeness).toEqual({ percent: 100, missing: [] })
      expect(dash.emailVerified).toBe(true)
      expect(dash.alerts).toEqual({ frequency: 'weekly', paused: false })
    })

    it('shows each target role as "have of total" skills, missing skills by share of postings', async () => {
      const user = await createCandidate()
      await as(user)
      const mySkills = ['Python', 'Docker', 'Git', 'Figma']
      expect(await saveProfile(profile({ skills: mySkills, targetRoles: ['back-end-developer', 'devops-engineer'] }))).toEqual(saved)
      const dash = await getDashboard(await as(user))
      expect(dash.targets.map((t) => t.slug)).toEqual(['back-end-developer', 'devops-engineer'])

      const mine = new Set((await state(user.id)).skills.map((k) => k.id))
      for (const target of dash.targets) {
        const listed = await roleSkillRows(target.slug)
        const have = listed.filter((r) => mine.has(r.skillId))
        const missing = listed.filter((r) => !mine.has(r.skillId))
        expect(listed.length).toBeGreaterThan(5)
        expect(have.length).toBeGreaterThan(0)
        expect(target.total).toBe(listed.length)
        expect(target.have).toBe(have.length)
        expect(new Set(target.missing.map((m) => m.slug))).toEqual(new Set(missing.map((m) => m.slug)))
        expect(target.missing).toHaveLength(missing.length)
        for (const m of target.missing) expect(m.sharePct).toBe(missing.find((x) => x.slug === m.slug)!.sharePct)
        const shares = target.missing.map((m) => m.sharePct)
        expect(shares).toEqual([...shares].sort((x, y) => y - x))
        const [role] = await d().select({ title: roles.title }).from(roles).where(eq(roles.slug, target.slug))
        expect(target.title).toBe(role!.title)
      }
      // Back-End Developer lists Python, Git and Docker among its skills; Figma is not one of them.
      expect(dash.targets[0]!.missing.map((m) => m.name)).not.toContain('Python')
      expect(dash.targets[0]!.missing.map((m) => m.name)).toContain('Java')
    })

    it('recommends the best-matching roles, except targeted and saved ones, and follows new skills', async () => {
      const user = await createCandidate()
      await as(user)
      expect(await saveProfile(profile({ skills: ['Python', 'SQL', 'Docker'], targetRoles: ['data-engineer'] }))).toEqual(saved)
      expect(await setRoleSaved({ slug: 'machine-learning-engineer', saved: true })).toMatchObject({ ok: true, data: { saved: true } })

      /** Every published role sharing a skill with the user, scored by hand: the sum of the shares of the skills they have. */
      async function expectedScores(excluded: string[]) {
        const mine = new Set((await state(user.id)).skills.map((k) => k.id))
        const rows = await d()
          .select({ slug: roles.slug, skillId: roleSkills.skillId, sharePct: roleSkills.sharePct })
          .from(roleSkills)
          .innerJoin(roles, and(eq(roles.id, roleSkills.roleId), eq(roles.status, 'published'), isNull(roles.deletedAt)))
        const scores = new Map<string, number>()
        for (const r of rows) {
          if (excluded.includes(r.slug) || !mine.has(r.skillId)) continue
          scores.set(r.slug, (scores.get(r.slug) ?? 0) + r.sharePct)
        }
        return scores
      }

      async function check(excluded: string[]) {
        const dash = await getDashboard(await as(user))
        const recs = dash.recommendations
        const expected = await expectedScores(excluded)
        expect(recs.length).toBe(Math.min(5, expected.size))
        for (const slug of excluded) expect(recs.map((r) => r.slug)).not.toContain(slug)
        for (const r of recs) expect(r.score, r.slug).toBe(expected.get(r.slug))
        const scores = recs.map((r) => r.score)
        expect(scores).toEqual([...scores].sort((x, y) => y - x))
        // Really the top five: nothing left out scores higher than the last one shown.
        const shown = new Set(recs.map((r) => r.slug))
        for (const [slug, score] of expected) if (!shown.has(slug)) expect(score, slug).toBeLessThanOrEqual(scores.at(-1)!)
        for (const r of recs) {
          expect(r.haveTop).toBeGreaterThanOrEqual(0)
          expect(r.haveTop).toBeLessThanOrEqual(r.top)
          expect(r.top).toBe(Math.min(8, (await roleSkillRows(r.slug)).length))
        }
        return dash
      }

      const first = await check(['data-engineer', 'machine-learning-engineer'])
      expect(first.recommendations.map((r) => r.slug)).not.toContain('product-designer')
      expect(first.saved).toEqual([{ slug: 'machine-learning-engineer', title: 'Machine Learning Engineer', category: expect.any(String) }])
      const [category] = await d()
        .select({ name: roleCategories.name })
        .from(roles)
        .innerJoin(roleCategories, eq(roleCategories.id, roles.categoryId))
        .where(eq(roles.slug, 'machine-learning-engineer'))
      expect(first.saved[0]!.category).toBe(category!.name)

      // New design skills bring the Product Designer up.
      expect(await saveProfile(profile({ skills: ['Python', 'SQL', 'Docker', 'Figma', 'User Research', 'Prototyping'], targetRoles: ['data-engineer'] }))).toEqual(saved)
      const second = await check(['data-engineer', 'machine-learning-engineer'])
      expect(second.recommendations.map((r) => r.slug)).toContain('product-designer')
      expect(second.recommendations).not.toEqual(first.recommendations)

      // Saving a recommended role moves it from the recommendations to the saved list.
      const top = second.recommendations[0]!.slug
      expect(await setRoleSaved({ slug: top, saved: true })).toMatchObject({ ok: true })
      const third = await check(['data-engineer', 'machine-learning-engineer', top])
      expect(third.saved.map((s) => s.slug)).toContain(top)
    })

    it('shows nothing of other users', async () => {
      const a = await createCandidate('Solo A')
      const b = await createCandidate('Solo B')
      await as(b)
      expect(await saveProfile(profile({ name: 'Solo B', skills: ['Figma', 'Prototyping', 'User Research'], targetRoles: ['product-designer'] }))).toEqual(saved)
      expect(await setRoleSaved({ slug: 'front-end-developer', saved: true })).toMatchObject({ ok: true })
      const dash = await getDashboard(await as(a))
      expect(dash).toMatchObject({ name: 'Solo A', targets: [], recommendations: [], saved: [] })
    })
  })

  // ---------------------------------------------------------------------------------------------
  // Regressions: the setup runs as its own test; the property that was once broken is asserted after it.
  describe('a target role that is unpublished later: regressions', () => {
    const seen: { slug?: string; dashboardTargets?: string[]; loaded?: ProfileInput; resave?: unknown } = {}

    it('setup: a user targets a role that editors then move back to draft', async () => {
      const [category] = await d().select({ id: roleCategories.id }).from(roleCategories).limit(1)
      const slug = `short-lived-role-${runId}-${++counter}`
      await d().insert(roles).values({ slug, title: 'Short-Lived Role', categoryId: category!.id, summary: 's', overview: 'o', status: 'published', publishedAt: new Date() })
      const user = await createCandidate()
      const me = await as(user)
      expect(await saveProfile(profile({ targetRoles: ['data-engineer', slug] }))).toEqual(saved)
      await d().update(roles).set({ status: 'draft', publishedAt: null }).where(eq(roles.slug, slug))
      // Saving a draft target is refused, as it should be.
      expect((await saveProfile(profile({ targetRoles: [slug] }))).ok).toBe(false)

      seen.slug = slug
      seen.dashboardTargets = (await getDashboard(me)).targets.map((t) => t.slug)
      expect(seen.dashboardTargets).toContain('data-engineer')
      seen.loaded = await getProfileForEdit(me)
      seen.resave = await saveProfile({ ...seen.loaded, headline: 'Edited later' })
    })
    it('fixed: the dashboard still lists the unpublished target role', () => {
      expect(seen.dashboardTargets).toEqual(['data-engineer'])
    })
    it('fixed: the profile, saved as loaded for editing, is refused because of that role', () => {
      expect(seen.resave).toEqual(saved)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('setRoleSaved', () => {
    async function savedCount(userId: string, slug: string) {
      const rows = await d()
        .select({ n: sql<number>`count(*)::int` })
        .from(savedRoles)
        .innerJoin(roles, eq(roles.id, savedRoles.roleId))
        .where(and(eq(savedRoles.userId, userId), eq(roles.slug, slug)))
      return rows[0]!.n
    }

    it('saves and unsaves, idempotently', async () => {
      const user = await createCandidate()
      await as(user)
      expect(await setRoleSaved({ slug: 'front-end-developer', saved: true })).toEqual({ ok: true, data: { saved: true }, message: 'Saved to your dashboard.' })
      expect(await savedCount(user.id, 'front-end-developer')).toBe(1)
      expect(await setRoleSaved({ slug: 'front-end-developer', saved: true })).toEqual({ ok: true, data: { saved: true }, message: 'Saved to your dashboard.' })
      expect(await savedCount(user.id, 'front-end-developer')).toBe(1)
      expect((await getDashboard(await as(user))).saved.map((s) => s.slug)).toEqual(['front-end-developer'])

      expect(await setRoleSaved({ slug: 'front-end-developer', saved: false })).toEqual({ ok: true, data: { saved: false }, message: 'Removed from your saved roles.' })
      expect(await savedCount(user.id, 'front-end-developer')).toBe(0)
      expect(await setRoleSaved({ slug: 'front-end-developer', saved: false })).toEqual({ ok: true, data: { saved: false }, message: 'Removed from your saved roles.' })
      expect(await savedCount(user.id, 'front-end-developer')).toBe(0)
    })

    it('refuses a draft, unknown or malformed slug and saves nothing', async () => {
      const user = await createCandidate()
      await as(user)
      const before = await fingerprint()
      expect(await setRoleSaved({ slug: 'blockchain-developer', saved: true })).toEqual({ ok: false, error: 'That role is not available' })
      expect(await setRoleSaved({ slug: 'no-such-role', saved: true })).toEqual({ ok: false, error: 'That role is not available' })
      expect(await setRoleSaved({ slug: 'Not A Slug', saved: true })).toMatchObject({ ok: false, fieldErrors: { slug: ['Unknown role'] } })
      expect(await setRoleSaved({ slug: 'data-engineer', saved: 'yes' })).toMatchObject({ ok: false, fieldErrors: { saved: [expect.any(String)] } })
      expect(await fingerprint()).toEqual(before)
      expect((await state(user.id)).saved).toEqual([])
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('saveAlertSettings', () => {
    async function prefs(userId: string) {
      const [row] = await d()
        .select({ frequency: candidateProfiles.alertFrequency, pausedAt: candidateProfiles.alertsPausedAt })
        .from(candidateProfiles)
        .where(eq(candidateProfiles.userId, userId))
      return row!
    }

    it.each([
      { frequency: 'off', message: 'Opportunity alerts are off.' },
      { frequency: 'daily', message: 'You will get opportunities daily.' },
      { frequency: 'weekly', message: 'You will get opportunities weekly.' },
      { frequency: 'monthly', message: 'You will get opportunities monthly.' },
    ] as const)('stores the frequency "$frequency"', async ({ frequency, message }) => {
      const user = await createCandidate()
      await as(user)
      // Start from another value so the write is visible.
      await saveAlertSettings({ frequency: frequency === 'daily' ? 'monthly' : 'daily', paused: false })
      expect(await saveAlertSettings({ frequency, paused: false })).toEqual({ ok: true, data: null, message })
      expect(await prefs(user.id)).toEqual({ frequency, pausedAt: null })
      expect((await getDashboard(await as(user))).alerts).toEqual({ frequency, paused: false })
    })

    it.each<{ label: string; input: Record<string, unknown>; field: string }>([
      { label: 'an unknown frequency', input: { frequency: 'hourly', paused: false }, field: 'frequency' },
      { label: 'no frequency', input: { paused: false }, field: 'frequency' },
      { label: 'paused as text', input: { frequency: 'daily', paused: 'true' }, field: 'paused' },
    ])('refuses $label and changes nothing', async ({ input, field }) => {
      const user = await createCandidate()
      await as(user)
      const before = await fingerprint()
      expect(await saveAlertSettings(input)).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.any(String)] } })
      expect(await fingerprint()).toEqual(before)
      expect(await prefs(user.id)).toEqual({ frequency: 'weekly', pausedAt: null })
    })

    it('pausing records a date, kept while paused; unpausing clears it', async () => {
      const user = await createCandidate()
      await as(user)
      expect(await saveAlertSettings({ frequency: 'daily', paused: true })).toEqual({ ok: true, data: null, message: 'Opportunity alerts are paused.' })
      const paused = await prefs(user.id)
      expect(paused.frequency).toBe('daily')
      expect(paused.pausedAt).toBeInstanceOf(Date)
      expect(Math.abs(paused.pausedAt!.getTime() - Date.now())).toBeLessThan(60_000)
      expect((await getDashboard(await as(user))).alerts).toEqual({ frequency: 'daily', paused: true })

      // Move the recorded date back so "kept" is distinguishable from "set again".
      await d().update(candidateProfiles).set({ alertsPausedAt: sql`${candidateProfiles.alertsPausedAt} - interval '3 days'` }).where(eq(candidateProfiles.userId, user.id))
      const earlier = (await prefs(user.id)).pausedAt
      expect(await saveAlertSettings({ frequency: 'weekly', paused: true })).toMatchObject({ ok: true })
      expect(await prefs(user.id)).toEqual({ frequency: 'weekly', pausedAt: earlier })

      expect(await saveAlertSettings({ frequency: 'weekly', paused: false })).toEqual({ ok: true, data: null, message: 'You will get opportunities weekly.' })
      expect(await prefs(user.id)).toEqual({ frequency: 'weekly', pausedAt: null })
      expect((await getDashboard(await as(user))).alerts).toEqual({ frequency: 'weekly', paused: false })
    })

    it('creates the profile row if it is missing', async () => {
      const user = await createCandidate()
      await d().delete(candidateProfiles).where(eq(candidateProfiles.userId, user.id))
      await as(user)
      expect(await saveAlertSettings({ frequency: 'monthly', paused: true })).toMatchObject({ ok: true })
      expect((await prefs(user.id)).frequency).toBe('monthly')
      const rows = await d().select().from(candidateProfiles).where(inArray(candidateProfiles.userId, [user.id]))
      expect(rows).toHaveLength(1)
    })
  })
})
