import { asc, eq, inArray, sql } from 'drizzle-orm'
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)
// The audit writer can be made to fail, to prove each write and its audit row share one transaction.
const auditControl = vi.hoisted(() => ({ fail: false }))
vi.mock('@/lib/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/audit')>()
  return {
    ...real,
    writeAudit: async (...args: Parameters<typeof real.writeAudit>) => {
      if (auditControl.fail) throw new Error('audit log unavailable')
      return real.writeAudit(...args)
    },
  }
})

import { queryRows, type Database } from '@/db'
import { auditLog, programRoles, programs, programSkills, roles, skills, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { seedPrograms, seedProgramsAndOpportunities } from '@/db/seed/content/programs'
import type { ActionResult } from '@/lib/action-result'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { request, signInAs, signOut } from '@/test/session'
import {
  archiveProgram,
  createProgram,
  deleteProgram,
  deleteProgramPermanently,
  publishProgram,
  restoreProgram,
  unpublishProgram,
  updateProgram,
  type SavedProgram,
} from './actions'
import { conflictMessage, getProgramForEdit, listProgramFormOptions, listProgramsForAdmin, listTrashedPrograms } from './admin-data'
import { getPublishedProgram, listProgramsTeachingSkills, listPublishedPrograms } from './data'
import { slugFromTitle, type ProgramFormInput } from './schema'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const forbidden = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const runId = Math.random().toString(36).slice(2, 7)
let counter = 0

describeEachEngine('programs', ({ handle }) => {
  const d = (): Database => handle().db
  const people = {} as Record<'editor' | 'admin' | 'candidate' | 'trainer', { id: string }>
  const roleIds = {} as Record<string, string>
  const skillIds = {} as Record<string, string>

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
    for (const role of ['editor', 'admin', 'candidate', 'trainer'] as const) {
      const [row] = await d()
        .insert(users)
        .values({ email: `${role}-${runId}@example.com`, name: `Test ${role}`, role })
        .returning({ id: users.id })
      people[role] = row!
    }
    for (const r of await d().select({ id: roles.id, slug: roles.slug }).from(roles)) roleIds[r.slug] = r.id
    for (const s of await d().select({ id: skills.id, slug: skills.slug }).from(skills)) skillIds[s.slug] = s.id
  })

  beforeEach(() => {
    signOut()
    refreshedTags.length = 0
    auditControl.fail = false
  })
  afterEach(() => vi.restoreAllMocks())

  const as = (who: keyof typeof people) => signInAs(people[who])

  function values(over: Partial<ProgramFormInput> = {}): ProgramFormInput {
    counter++
    return {
      title: `Python APIs ${counter}`,
      slug: `python-apis-${runId}-${counter}`,
      summary: 'Build REST APIs in Python.',
      description: 'Ten weeks.\n\nWith code reviews.',
      format: 'course',
      duration: '10 weeks',
      level: 'beginner',
      roleIds: [roleIds['back-end-developer']!],
      skillIds: [skillIds.python!, skillIds['rest-apis']!],
      ...over,
    }
  }

  async function state() {
    const rows = await d().select().from(programs).orderBy(asc(programs.id))
    const links = await queryRows<{ n: number }>(d(), sql`select (select count(*) from ${programRoles}) + (select count(*) from ${programSkills}) as n`)
    const [audit] = await queryRows<{ n: number }>(d(), sql`select count(*)::int as n from ${auditLog}`)
    const roleLinks = await d().select().from(programRoles).orderBy(asc(programRoles.programId), asc(programRoles.roleId))
    const skillLinks = await d().select().from(programSkills).orderBy(asc(programSkills.programId), asc(programSkills.skillId))
    return { rows, links: Number(links[0]!.n), roleLinks, skillLinks, audits: audit!.n }
  }

  async function row(id: string) {
    const [r] = await d().select().from(programs).where(eq(programs.id, id))
    return r
  }

  async function linkedTo(id: string) {
    const r = await d().select({ id: programRoles.roleId }).from(programRoles).where(eq(programRoles.programId, id))
    const s = await d().select({ id: programSkills.skillId }).from(programSkills).where(eq(programSkills.programId, id))
    return { roleIds: r.map((x) => x.id).sort(), skillIds: s.map((x) => x.id).sort() }
  }

  async function lastAudit(entityId: string) {
    const [a] = await d().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(sql`${auditLog.id} desc`).limit(1)
    return a
  }

  async function draft(over: Partial<ProgramFormInput> = {}): Promise<SavedProgram & { slug: string }> {
    await as('editor')
    const input = values(over)
    const result = await createProgram(input)
    expect(result.ok, JSON.stringify(result)).toBe(true)
    signOut()
    refreshedTags.length = 0
    return { ...(result as { data: SavedProgram }).data, slug: input.slug }
  }

  async function published(over: Partial<ProgramFormInput> = {}) {
    const created = await draft(over)
    await as('editor')
    const result = await publishProgram({ id: created.id, expectedVersion: created.version })
    expect(result.ok, JSON.stringify(result)).toBe(true)
    signOut()
    refreshedTags.length = 0
    return { ...(result as { data: SavedProgram }).data, slug: created.slug }
  }

  async function expectRefusedToNonStaff(run: () => Promise<ActionResult<unknown>>) {
    refreshedTags.length = 0
    const before = await state()
    signOut()
    expect(await run()).toEqual(signInRequired)
    for (const who of ['candidate', 'trainer'] as const) {
      await as(who)
      expect(await run()).toEqual(forbidden)
    }
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  }

  async function expectAtomicWithAudit(who: keyof typeof people, run: () => Promise<ActionResult<unknown>>) {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    refreshedTags.length = 0
    const before = await state()
    await as(who)
    auditControl.fail = true
    const result = await run()
    auditControl.fail = false
    expect(result.ok).toBe(false)
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  }

  // ----------------------------------------------------------------------------------------------
  // create
  // ----------------------------------------------------------------------------------------------

  it('create: an editor creates a draft linked to roles and skills; audited; tags refreshed', async () => {
    await as('editor')
    request.ip = '203.0.113.31'
    const input = values()
    const result = await createProgram(input)
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), version: 1 }, message: 'Program created as a draft.' })
    const id = (result as { data: SavedProgram }).data.id
    expect(await row(id)).toMatchObject({ slug: input.slug, title: input.title, status: 'draft', publishedAt: null, version: 1, updatedBy: people.editor.id })
    expect(await linkedTo(id)).toEqual({ roleIds: [...input.roleIds!].sort(), skillIds: [...input.skillIds!].sort() })
    const audit = await lastAudit(id)
    expect(audit).toMatchObject({ action: 'program.create', entityType: 'program', actorId: people.editor.id, ip: '203.0.113.31', before: null })
    expect(audit!.after).toMatchObject({ slug: input.slug, status: 'draft', roleIds: input.roleIds, skillIds: [...input.skillIds!].sort() })
    expect(refreshedTags).toEqual(['programs', `program:${input.slug}`])
  })

  it('create: an admin may create one without links', async () => {
    await as('admin')
    const result = await createProgram(values({ roleIds: [], skillIds: [], format: 'workshop', level: 'all_levels', duration: '' }))
    expect(result.ok).toBe(true)
    expect(await linkedTo((result as { data: SavedProgram }).data.id)).toEqual({ roleIds: [], skillIds: [] })
  })

  it('create: refused to anonymous, candidate and trainer callers', async () => {
    await expectRefusedToNonStaff(() => createProgram(values()))
  })

  it('create: bad input answers by the field and stores nothing', async () => {
    const existing = await draft()
    await as('editor')
    const before = await state()
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: '' }, 'title', 'Enter the title (at least 2 characters)'],
      [{ slug: 'Not A Slug' }, 'slug', 'Lower-case letters, digits and single hyphens only'],
      [{ slug: 'new' }, 'slug', 'This word is reserved for a page'],
      [{ summary: '' }, 'summary', 'Enter a one-line summary'],
      [{ summary: 'x'.repeat(301) }, 'summary', 'Use at most 300 characters'],
      [{ format: 'seminar' }, 'format', 'Choose the format'],
      [{ level: 'expert' }, 'level', 'Choose the level'],
      [{ duration: 'x'.repeat(61) }, 'duration', 'Use at most 60 characters'],
      [{ roleIds: ['back-end-developer'] }, 'roleIds.0', 'Choose roles from the list'],
      [{ skillIds: [skillIds.python, skillIds.python] }, 'skillIds', 'Each skill only once'],
      [{ skillIds: Array.from({ length: 41 }, () => crypto.randomUUID()) }, 'skillIds', 'Choose at most 40 skills'],
      [{ description: 'bad \u0007 bell' }, 'description', 'Remove control characters'],
    ]
    for (const [over, field, message] of cases) {
      const result = await createProgram({ ...values(), ...over })
      expect(result.ok, field).toBe(false)
      expect((result as { fieldErrors?: Record<string, string[]> }).fieldErrors?.[field], JSON.stringify(over).slice(0, 80)).toContain(message)
    }
    // Checked in the data layer: a taken slug, a role or skill that does not exist.
    expect(await createProgram(values({ slug: existing.slug }))).toMatchObject({ ok: false, fieldErrors: { slug: ['Another program uses this address'] } })
    expect(await createProgram(values({ roleIds: [crypto.randomUUID()] }))).toMatchObject({ ok: false, fieldErrors: { roleIds: ['One of the chosen roles is no longer available'] } })
    expect(await createProgram(values({ skillIds: [crypto.randomUUID()] }))).toMatchObject({ ok: false, fieldErrors: { skillIds: ['One of the chosen skills is no longer available'] } })
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  })

  it('create: extra fields are never written', async () => {
    await as('editor')
    const result = await createProgram({ ...values(), status: 'published', publishedAt: new Date().toISOString(), version: 9, id: crypto.randomUUID() })
    expect(await row((result as { data: SavedProgram }).data.id)).toMatchObject({ status: 'draft', publishedAt: null, version: 1 })
  })

  it('create: the audit row is written in the same transaction', async () => {
    await expectAtomicWithAudit('editor', () => createProgram(values()))
  })

  // ----------------------------------------------------------------------------------------------
  // update
  // ----------------------------------------------------------------------------------------------

  it('update: saves content and replaces links; a renamed slug refreshes both pages', async () => {
    const created = await draft()
    await as('editor')
    const next = values({ slug: `renamed-${runId}-${counter}`, roleIds: [roleIds['data-engineer']!], skillIds: [skillIds.sql!] })
    const result = await updateProgram({ ...next, id: created.id, expectedVersion: 1 })
    expect(result).toEqual({ ok: true, data: { id: created.id, version: 2 }, message: 'Program saved.' })
    expect(await row(created.id)).toMatchObject({ slug: next.slug, version: 2 })
    expect(await linkedTo(created.id)).toEqual({ roleIds: [roleIds['data-engineer']], skillIds: [skillIds.sql] })
    const audit = await lastAudit(created.id)
    expect(audit).toMatchObject({ action: 'program.update', actorId: people.editor.id })
    expect(audit!.before).toMatchObject({ slug: created.slug, roleIds: [roleIds['back-end-developer']] })
    expect(audit!.after).toMatchObject({ slug: next.slug, roleIds: [roleIds['data-engineer']], skillIds: [skillIds.sql] })
    expect(refreshedTags).toEqual(['programs', `program:${created.slug}`, `program:${next.slug}`])
  })

  it('update: a stale version is a conflict and nothing is overwritten', async () => {
    const created = await draft()
    await as('editor')
    expect((await updateProgram({ ...values({ slug: created.slug, title: 'First save' }), id: created.id, expectedVersion: 1 })).ok).toBe(true)
    refreshedTags.length = 0
    const before = await state()
    await as('admin')
    expect(await updateProgram({ ...values({ slug: created.slug, title: 'Stale save', skillIds: [] }), id: created.id, expectedVersion: 1 })).toEqual({ ok: false, error: conflictMessage })
    expect(await state()).toEqual(before)
    expect((await row(created.id))!.title).toBe('First save')
    expect(refreshedTags).toEqual([])
  })

  it('update: refused to anonymous, candidate and trainer callers', async () => {
    const created = await draft()
    await expectRefusedToNonStaff(() => updateProgram({ ...values({ slug: created.slug }), id: created.id, expectedVersion: 1 }))
  })

  it('update: bad input answers by the field and changes nothing', async () => {
    const created = await draft()
    const other = await draft()
    await as('editor')
    const before = await state()
    expect(await updateProgram({ ...values({ slug: other.slug }), id: created.id, expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { slug: ['Another program uses this address'] } })
    expect(await updateProgram({ ...values({ title: '' }), id: created.id, expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { title: ['Enter the title (at least 2 characters)'] } })
    expect(await updateProgram({ ...values(), id: 'x', expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown program'] } })
    expect(await state()).toEqual(before)
  })

  it('update: the audit row is written in the same transaction', async () => {
    const created = await draft()
    await expectAtomicWithAudit('editor', () => updateProgram({ ...values({ skillIds: [] }), id: created.id, expectedVersion: 1 }))
  })

  // ----------------------------------------------------------------------------------------------
  // publish, unpublish, archive
  // ----------------------------------------------------------------------------------------------

  it('publish: public list and page until unpublished or archived; the first publish date is kept', async () => {
    const created = await draft({ title: 'Zeta Python course' })
    expect(await getPublishedProgram(created.slug)).toBeNull()
    await as('editor')
    expect(await publishProgram({ id: created.id, expectedVersion: 1 })).toMatchObject({ ok: true, data: { version: 2 } })
    const firstPublished = (await row(created.id))!.publishedAt
    expect(firstPublished).toBeInstanceOf(Date)
    expect(await lastAudit(created.id)).toMatchObject({ action: 'program.publish', before: expect.objectContaining({ status: 'draft' }), after: expect.objectContaining({ status: 'published' }) })
    expect(refreshedTags).toEqual(['programs', `program:${created.slug}`])
    expect((await listPublishedPrograms()).map((p) => p.slug)).toContain(created.slug)
    const page = await getPublishedProgram(created.slug)
    expect(page).toEqual({
      slug: created.slug,
      title: 'Zeta Python course',
      summary: 'Build REST APIs in Python.',
      description: 'Ten weeks.\n\nWith code reviews.',
      format: 'course',
      duration: '10 weeks',
      level: 'beginner',
      roles: [{ slug: 'back-end-developer', title: 'Back-End Developer' }],
      skills: [
        { slug: 'python', name: 'Python' },
        { slug: 'rest-apis', name: 'REST APIs' },
      ],
    })

    refreshedTags.length = 0
    expect(await unpublishProgram({ id: created.id, expectedVersion: 2 })).toMatchObject({ ok: true, data: { version: 3 } })
    expect(await lastAudit(created.id)).toMatchObject({ action: 'program.unpublish' })
    expect(refreshedTags).toEqual(['programs', `program:${created.slug}`])
    expect(await getPublishedProgram(created.slug)).toBeNull()
    expect(await publishProgram({ id: created.id, expectedVersion: 3 })).toMatchObject({ ok: true })
    expect((await row(created.id))!.publishedAt).toEqual(firstPublished)
    expect(await archiveProgram({ id: created.id, expectedVersion: 4 })).toMatchObject({ ok: true, data: { version: 5 } })
    expect(await lastAudit(created.id)).toMatchObject({ action: 'program.archive' })
    expect(await getPublishedProgram(created.slug)).toBeNull()
    expect((await listPublishedPrograms()).map((p) => p.slug)).not.toContain(created.slug)
  })

  it('publish/unpublish/archive: refused to non-staff; conflicts, wrong states and bad input change nothing', async () => {
    const created = await draft()
    await expectRefusedToNonStaff(() => publishProgram({ id: created.id, expectedVersion: 1 }))
    await expectRefusedToNonStaff(() => archiveProgram({ id: created.id, expectedVersion: 1 }))
    const live = await published()
    await expectRefusedToNonStaff(() => unpublishProgram({ id: live.id, expectedVersion: live.version }))
    await as('editor')
    const before = await state()
    for (const action of [publishProgram, unpublishProgram, archiveProgram]) {
      expect(await action({ id: created.id, expectedVersion: 5 })).toEqual({ ok: false, error: conflictMessage })
      expect(await action({ id: 'x', expectedVersion: 1 })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown program'] } })
    }
    expect(await publishProgram({ id: live.id, expectedVersion: live.version })).toEqual({ ok: false, error: 'This program is already published.' })
    expect(await state()).toEqual(before)
    expect(refreshedTags).toEqual([])
  })

  it('publish/unpublish/archive: the audit row is written in the same transaction', async () => {
    const created = await draft()
    await expectAtomicWithAudit('editor', () => publishProgram({ id: created.id, expectedVersion: 1 }))
    const live = await published()
    await expectAtomicWithAudit('admin', () => unpublishProgram({ id: live.id, expectedVersion: live.version }))
    await expectAtomicWithAudit('editor', () => archiveProgram({ id: live.id, expectedVersion: live.version }))
  })

  // ----------------------------------------------------------------------------------------------
  // trash, restore, permanent delete
  // ----------------------------------------------------------------------------------------------

  it('delete and restore: to the trash and back as a draft; its slug stays reserved meanwhile', async () => {
    const live = await published()
    await as('editor')
    expect(await deleteProgram({ id: live.id, expectedVersion: live.version })).toMatchObject({ ok: true })
    expect(await row(live.id)).toMatchObject({ deletedAt: expect.any(Date) })
    expect(await lastAudit(live.id)).toMatchObject({ action: 'program.delete' })
    expect(refreshedTags).toEqual(['programs', `program:${live.slug}`])
    expect(await getPublishedProgram(live.slug)).toBeNull()
    expect((await listProgramsForAdmin({})).map((p) => p.id)).not.toContain(live.id)
    expect((await listTrashedPrograms()).map((p) => p.id)).toContain(live.id)
    expect(await getProgramForEdit(live.id)).toBeNull()
    expect(await createProgram(values({ slug: live.slug }))).toMatchObject({
      ok: false,
      fieldErrors: { slug: ['A program in the trash uses this address; restore it or choose another'] },
    })

    refreshedTags.length = 0
    expect(await restoreProgram({ id: live.id })).toMatchObject({ ok: true })
    expect(await row(live.id)).toMatchObject({ deletedAt: null, status: 'draft' })
    expect(await lastAudit(live.id)).toMatchObject({ action: 'program.restore' })
    expect(refreshedTags).toEqual(['programs', `program:${live.slug}`])
  })

  it('delete/restore: refused to non-staff; conflicts and bad input change nothing; audited atomically', async () => {
    const created = await draft()
    await expectRefusedToNonStaff(() => deleteProgram({ id: created.id, expectedVersion: 1 }))
    await as('editor')
    const before = await state()
    expect(await deleteProgram({ id: created.id, expectedVersion: 3 })).toEqual({ ok: false, error: conflictMessage })
    expect(await deleteProgram({ id: created.id, expectedVersion: 0 })).toMatchObject({ ok: false, fieldErrors: { expectedVersion: expect.any(Array) } })
    expect(await restoreProgram({ id: created.id })).toEqual({ ok: false, error: 'This program is not in the trash. Reload the page.' })
    expect(await state()).toEqual(before)
    await expectAtomicWithAudit('editor', () => deleteProgram({ id: created.id, expectedVersion: 1 }))
    await as('editor')
    expect((await deleteProgram({ id: created.id, expectedVersion: 1 })).ok).toBe(true)
    await expectRefusedToNonStaff(() => restoreProgram({ id: created.id }))
    await expectAtomicWithAudit('editor', () => restoreProgram({ id: created.id }))
  })

  it('permanent delete: admins only, from the trash; links go with it', async () => {
    const created = await draft()
    await as('admin')
    expect(await deleteProgramPermanently({ id: created.id })).toEqual({
      ok: false,
      error: 'Move the program to the trash first; only items in the trash can be deleted permanently.',
    })
    expect((await deleteProgram({ id: created.id, expectedVersion: 1 })).ok).toBe(true)
    await expectRefusedToNonStaff(() => deleteProgramPermanently({ id: created.id }))
    const trashed = await state()
    await as('editor')
    expect(await deleteProgramPermanently({ id: created.id })).toEqual(forbidden)
    expect(await state()).toEqual(trashed)
    await expectAtomicWithAudit('admin', () => deleteProgramPermanently({ id: created.id }))
    await as('admin')
    expect(await deleteProgramPermanently({ id: 'x' })).toMatchObject({ ok: false, fieldErrors: { id: ['Unknown program'] } })
    refreshedTags.length = 0
    expect(await deleteProgramPermanently({ id: created.id })).toMatchObject({ ok: true })
    expect(await row(created.id)).toBeUndefined()
    expect(await linkedTo(created.id)).toEqual({ roleIds: [], skillIds: [] })
    expect(await lastAudit(created.id)).toMatchObject({ action: 'program.purge', actorId: people.admin.id, after: null, before: expect.objectContaining({ slug: created.slug }) })
    expect(refreshedTags).toEqual(['programs', `program:${created.slug}`])
  })

  // ----------------------------------------------------------------------------------------------
  // public and admin reads
  // ----------------------------------------------------------------------------------------------

  it('programs teaching skills: published only, most matching skills first, limited', async () => {
    const both = await published({ title: 'Kafka and Spark', skillIds: [skillIds['apache-kafka']!, skillIds['apache-spark']!] })
    const one = await published({ title: 'Just Kafka', skillIds: [skillIds['apache-kafka']!] })
    const hidden = await draft({ title: 'Draft Kafka', skillIds: [skillIds['apache-kafka']!, skillIds['apache-spark']!] })
    const found = await listProgramsTeachingSkills(['apache-spark', 'apache-kafka', 'not-a-skill', 'Bad Slug!'], 10)
    const slugs = found.map((p) => p.slug)
    expect(slugs.indexOf(both.slug)).toBeLessThan(slugs.indexOf(one.slug))
    expect(slugs).not.toContain(hidden.slug)
    expect(found.find((p) => p.slug === both.slug)).toEqual({
      slug: both.slug,
      title: 'Kafka and Spark',
      summary: 'Build REST APIs in Python.',
      format: 'course',
      duration: '10 weeks',
      level: 'beginner',
      matchedSkills: ['Apache Kafka', 'Apache Spark'],
    })
    expect(await listProgramsTeachingSkills(['apache-kafka', 'apache-spark'], 1)).toHaveLength(1)
    expect(await listProgramsTeachingSkills([], 5)).toEqual([])
  })

  it('public page: not for unknown or malformed slugs', async () => {
    expect(await getPublishedProgram('no-such-program')).toBeNull()
    expect(await getPublishedProgram('../etc')).toBeNull()
  })

  it('admin reads: staff only; filters by status, format and title', async () => {
    const a = await draft({ title: `Haystack ${runId} one`, format: 'coaching' })
    const b = await published({ title: `Haystack ${runId} two`, format: 'workshop' })
    signOut()
    await expect(listProgramsForAdmin({})).rejects.toBeInstanceOf(UnauthenticatedError)
    await as('candidate')
    await expect(listProgramsForAdmin({})).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listTrashedPrograms()).rejects.toBeInstanceOf(ForbiddenError)
    await expect(getProgramForEdit(a.id)).rejects.toBeInstanceOf(ForbiddenError)
    await expect(listProgramFormOptions()).rejects.toBeInstanceOf(ForbiddenError)
    await as('editor')
    const found = async (f: Parameters<typeof listProgramsForAdmin>[0]) => (await listProgramsForAdmin(f)).map((p) => p.id)
    expect(await found({ q: `haystack ${runId}` })).toEqual([b.id, a.id])
    expect(await found({ q: `haystack ${runId}`, status: 'draft' })).toEqual([a.id])
    expect(await found({ q: `haystack ${runId}`, format: 'workshop' })).toEqual([b.id])
    const listed = (await listProgramsForAdmin({ q: `haystack ${runId}` }))[1]!
    expect(listed).toMatchObject({ roleCount: 1, skillCount: 2, status: 'draft', format: 'coaching' })
    const edit = await getProgramForEdit(a.id)
    expect(edit).toMatchObject({ id: a.id, version: 1, status: 'draft', values: { title: `Haystack ${runId} one`, roleIds: [roleIds['back-end-developer']] } })
    const options = await listProgramFormOptions()
    expect(options.skills.map((s) => s.name)).toContain('Python')
    expect(options.roles.map((r) => r.title)).toContain('Back-End Developer')
  })

  it('slugFromTitle suggests a valid slug', () => {
    expect(slugFromTitle('Data Engineering: Spark & Airflow!')).toBe('data-engineering-spark-airflow')
    expect(slugFromTitle('Café Crème 101')).toBe('cafe-creme-101')
  })

  it('seed: the six sample programs are published and linked to their roles and skills', async () => {
    await d().transaction((tx) => seedProgramsAndOpportunities(tx))
    const rows = await d()
      .select()
      .from(programs)
      .where(inArray(programs.slug, seedPrograms.map((p) => p.slug)))
    expect(rows).toHaveLength(6)
    expect(new Set(rows.map((r) => r.format))).toEqual(new Set(['course', 'bootcamp', 'coaching', 'workshop']))
    for (const p of seedPrograms) {
      const page = await getPublishedProgram(p.slug)
      expect(page?.description).toMatch(/^Sample program for demonstration/)
      expect(page?.roles.map((r) => r.slug).sort()).toEqual([...p.roles].sort())
      expect(page?.skills).toHaveLength(p.skills.length)
    }
    const forBackEnd = await listProgramsTeachingSkills(['python', 'postgresql', 'rest-apis'], 3)
    expect(forBackEnd[0]?.slug).toBe('back-end-foundations-with-python')
  })
})
