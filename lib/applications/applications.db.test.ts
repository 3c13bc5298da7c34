import { and, asc, eq, sql } from 'drizzle-orm'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { beforeAll, beforeEach, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import { type Database } from '@/db'
import { applicationEvents, applicationRoles, applicationSkills, auditLog, emailOutbox, formBotEvents, media, roles, skills, trainerApplications, users } from '@/db/schema'
import { seed } from '@/db/seed'
import { describeEachEngine } from '@/test/db'
import { freshIp, signInAs, signOut } from '@/test/session'
import { submitApplication, withdrawApplication } from './actions'
import { formatDay, getMyApplication, isOpenApplicationConflict, listMyApplications, notFoundMessage, openApplicationMessage, reapplyMessage, signInToApplyMessage } from './data'
import { cvMessages } from './schema'

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const keyOf = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 24)
const dayMs = 24 * 60 * 60 * 1000

async function pdfFile(name = 'My CV.pdf', withJs = false) {
  const doc = await PDFDocument.create()
  doc.addPage([595, 842])
  if (withJs) doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })))
  return new File([new Uint8Array(await doc.save({ useObjectStreams: true }))], name, { type: 'application/pdf' })
}

type Fields = Record<string, string | string[] | File | undefined>

const validAnswers = (): Fields => ({
  fullName: 'Grace Hopper',
  email: 'Grace.Hopper@Example.com',
  country: 'US',
  languages: 'English, Spanish, english',
  offers: ['training', 'coaching'],
  skills: ['Node.js', 'postgresql'],
  roles: ['back-end-developer'],
  yearsExperience: '12',
  headline: 'Back-end trainer and engineering coach',
  bio: 'Twelve years of building and teaching back-end systems, from REST APIs to production databases.',
  linkedinUrl: 'https://www.linkedin.com/in/grace-example',
  websiteUrl: '',
  motivation: 'I want to help career changers get their first back-end job with practical projects.',
  availability: 'Two evenings a week, remote.',
})

function applicationForm(fields: Fields = {}, guard: { idempotencyKey?: string; fillMs?: string; hp?: string } = {}) {
  const all: Fields = { ...validAnswers(), idempotencyKey: keyOf(), fillMs: '60000', hp: '', ...guard, ...fields }
  const form = new FormData()
  for (const [key, value] of Object.entries(all)) {
    if (value === undefined) continue
    if (Array.isArray(value)) value.forEach((v) => form.append(`${key}[]`, v))
    else form.append(key, value)
  }
  return form
}

describeEachEngine('trainer applications (applicant side)', ({ handle }) => {
  const d = (): Database => handle().db

  async function newUser(label = 'applicant') {
    const [row] = await d()
      .insert(users)
      .values({ email: `${label}-${runId}-${++counter}@example.com`, name: `Pat ${label} ${counter}`, role: 'candidate' })
      .returning({ id: users.id, email: users.email, name: users.name })
    return row!
  }

  const countApplications = async (userId: string) =>
    (await d().select({ n: sql<number>`count(*)::int` }).from(trainerApplications).where(eq(trainerApplications.userId, userId)))[0]!.n
  const countMedia = async () => (await d().select({ n: sql<number>`count(*)::int` }).from(media))[0]!.n

  async function submitAs(user: { id: string }, fields: Fields = {}, guard = {}) {
    await signInAs(user)
    freshIp()
    return submitApplication(applicationForm(fields, guard))
  }

  async function submitted(user: { id: string }, fields: Fields = {}) {
    const result = await submitAs(user, fields)
    if (!result.ok || !result.data.id) throw new Error(`submit failed: ${JSON.stringify(result)}`)
    return result.data.id
  }

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
  })

  beforeEach(() => {
    signOut()
    freshIp()
  })

  it('stores a signed-in person\'s application with its skills, roles, CV, first event, audit row and confirmation email', async () => {
    const user = await newUser()
    const result = await submitAs(user, { cv: await pdfFile('../../My CV<1>.pdf') })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const id = result.data.id!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)

    const [row] = await d().select().from(trainerApplications).where(eq(trainerApplications.id, id))
    expect(row).toMatchObject({
      userId: user.id,
      status: 'submitted',
      fullName: 'Grace Hopper',
      email: 'grace.hopper@example.com',
      country: 'US',
      languages: ['English', 'Spanish'],
      offers: ['training', 'coaching'],
      yearsExperience: 12,
      linkedinUrl: 'https://www.linkedin.com/in/grace-example',
      websiteUrl: null,
      cvFileName: 'My CV-1.pdf',
      version: 1,
    })
    const [cv] = await d().select({ mimeType: media.mimeType, byteSize: media.byteSize, createdBy: media.createdBy }).from(media).where(eq(media.id, row!.cvMediaId!))
    expect(cv).toMatchObject({ mimeType: 'application/pdf', createdBy: user.id })
    expect(cv!.byteSize).toBeGreaterThan(100)

    const skillNames = await d().select({ name: skills.name }).from(applicationSkills).innerJoin(skills, eq(skills.id, applicationSkills.skillId)).where(eq(applicationSkills.applicationId, id)).orderBy(asc(skills.name))
    expect(skillNames).toEqual([{ name: 'Node.js' }, { name: 'PostgreSQL' }])
    const roleRows = await d().select({ slug: roles.slug }).from(applicationRoles).innerJoin(roles, eq(roles.id, applicationRoles.roleId)).where(eq(applicationRoles.applicationId, id))
    expect(roleRows).toEqual([{ slug: 'back-end-developer' }])
    const events = await d().select({ from: applicationEvents.fromStatus, to: applicationEvents.toStatus, actor: applicationEvents.actorId }).from(applicationEvents).where(eq(applicationEvents.applicationId, id))
    expect(events).toEqual([{ from: null, to: 'submitted', actor: user.id }])
    const [audit] = await d().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'application.submit')))
    expect(audit).toMatchObject({ actorId: user.id, entityType: 'trainer_application' })
    expect(JSON.stringify(audit!.after)).not.toContain('"bytes"')

    const mail = await d().select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email))
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ kind: 'application-submitted', userId: user.id, subject: 'We received your trainer application' })
    expect(mail[0]!.textBody).toContain(`/dashboard/applications/${id}`)

    // The applicant's own view: answers and the timeline.
    await signInAs(user)
    const mine = await getMyApplication({ ...user, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false }, id)
    expect(mine).toMatchObject({ status: 'submitted', open: true, skills: ['Node.js', 'PostgreSQL'], roles: [{ slug: 'back-end-developer', title: 'Back-End Developer' }], reapplyOn: null })
    expect(mine!.timeline.map((s) => [s.label, !!s.reachedAt])).toEqual([
      ['Submitted', true],
      ['Screening', false],
      ['Interview', false],
      ['Decision', false],
    ])
  })

  it('accepts an application without a CV (the file input sent empty)', async () => {
    const user = await newUser()
    const id = await submitted(user, { cv: new File([], '', { type: 'application/octet-stream' }) })
    const [row] = await d().select({ cvMediaId: trainerApplications.cvMediaId, cvFileName: trainerApplications.cvFileName }).from(trainerApplications).where(eq(trainerApplications.id, id))
    expect(row).toEqual({ cvMediaId: null, cvFileName: null })
  })

  it('refuses an anonymous submit with a clear message and stores nothing', async () => {
    const before = await d().select({ n: sql<number>`count(*)::int` }).from(trainerApplications)
    signOut()
    expect(await submitApplication(applicationForm())).toEqual({ ok: false, error: signInToApplyMessage, code: 'unauthenticated' })
    expect(await d().select({ n: sql<number>`count(*)::int` }).from(trainerApplications)).toEqual(before)
  })

  it('re-validates every step\'s fields on the server, with a message per field', async () => {
    const user = await newUser()
    const result = await submitAs(user, {
      fullName: 'Grace\nBcc: victim@example.com',
      email: 'not-an-email',
      country: 'XX',
      languages: ' , ',
      offers: ['teaching'],
      skills: [],
      roles: ['<script>'],
      yearsExperience: 'ten',
      headline: '',
      bio: 'Too short.',
      linkedinUrl: 'http://www.linkedin.com/in/grace',
      websiteUrl: 'javascript:alert(1)',
      motivation: 'Because.',
      availability: '',
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const fields = Object.keys(result.fieldErrors ?? {}).map((k) => k.split('.')[0])
    for (const f of ['fullName', 'email', 'country', 'languages', 'offers', 'skills', 'roles', 'yearsExperience', 'headline', 'bio', 'linkedinUrl', 'websiteUrl', 'motivation', 'availability']) {
      expect(fields, f).toContain(f)
    }
    expect(result.fieldErrors!.fullName).toEqual(['Use a single line.'])
    expect(result.fieldErrors!.linkedinUrl![0]).toContain('https://')
    expect(await countApplications(user.id)).toBe(0)

    // Fields missing from the request altogether get the same messages.
    expect(await submitAs(user, { offers: undefined, skills: undefined })).toMatchObject({
      ok: false,
      fieldErrors: { offers: ['Choose at least one of training, coaching or consulting.'], skills: ['Add at least one skill.'] },
    })

    // A LinkedIn field must be a linkedin.com address; years are bounded.
    const other = await submitAs(user, { linkedinUrl: 'https://evil.example/in/grace', yearsExperience: '75' })
    expect(other.ok).toBe(false)
    if (!other.ok) expect(Object.keys(other.fieldErrors!).sort()).toEqual(['linkedinUrl', 'yearsExperience'])
  })

  it('refuses a CV that is not a clean PDF with a field message, storing nothing', async () => {
    const user = await newUser()
    const mediaBefore = await countMedia()
    const html = new File(['<!doctype html><script>alert(1)</script>'], 'cv.pdf', { type: 'application/pdf' })
    expect(await submitAs(user, { cv: html })).toEqual({ ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { cv: [cvMessages.notPdf] } })
    expect(await submitAs(user, { cv: await pdfFile('cv.pdf', true) })).toEqual({ ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { cv: [cvMessages.activeContent] } })
    expect(await submitAs(user, { cv: new File([], 'cv.pdf', { type: 'application/pdf' }) })).toEqual({ ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { cv: [cvMessages.empty] } })
    expect(await countApplications(user.id)).toBe(0)
    expect(await countMedia()).toBe(mediaBefore)
  })

  it('refuses skills that are not in the skills table, and roles that are not published', async () => {
    const user = await newUser()
    const unknown = await submitAs(user, { skills: ['Node.js', 'Underwater Basket Weaving'] })
    expect(unknown.ok).toBe(false)
    if (!unknown.ok) expect(unknown.fieldErrors!.skills![0]).toContain('"Underwater Basket Weaving"')
    const role = await submitAs(user, { roles: ['no-such-role'] })
    expect(role).toMatchObject({ ok: false, fieldErrors: { roles: ['Choose roles from the list.'] } })
    await d().update(roles).set({ status: 'draft' }).where(eq(roles.slug, 'data-analyst'))
    try {
      expect(await submitAs(user, { roles: ['data-analyst'] })).toMatchObject({ ok: false, fieldErrors: { roles: ['Choose roles from the list.'] } })
    } finally {
      await d().update(roles).set({ status: 'published' }).where(eq(roles.slug, 'data-analyst'))
    }
    expect(await countApplications(user.id)).toBe(0)
  })

  it('keeps one open application per person', async () => {
    const user = await newUser()
    await submitted(user)
    expect(await submitAs(user)).toEqual({ ok: false, error: openApplicationMessage })
    expect(await countApplications(user.id)).toBe(1)
  })

  it('stores one application when two different submits race (the per-person lock)', async () => {
    const user = await newUser()
    await signInAs(user)
    freshIp()
    const [a, b] = await Promise.all([submitApplication(applicationForm()), submitApplication(applicationForm())])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect([a, b].find((r) => !r.ok)).toEqual({ ok: false, error: openApplicationMessage })
    expect(await countApplications(user.id)).toBe(1)
  })

  it('recognizes the one-open-application index violation (the race the check can lose)', async () => {
    const user = await newUser()
    const id = await submitted(user)
    const [row] = await d().select().from(trainerApplications).where(eq(trainerApplications.id, id))
    const { id: _id, createdAt: _c, updatedAt: _u, ...copy } = row!
    let caught: unknown
    try {
      await d().insert(trainerApplications).values(copy)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeDefined()
    expect(isOpenApplicationConflict(caught)).toBe(true)
    expect(isOpenApplicationConflict(new Error('something else'))).toBe(false)
  })

  it('lets a rejected applicant apply again only 90 days after the decision', async () => {
    const user = await newUser()
    const id = await submitted(user)
    const decidedAt = new Date(Date.now() - 10 * dayMs)
    await d().update(trainerApplications).set({ status: 'rejected', decidedAt }).where(eq(trainerApplications.id, id))
    const again = new Date(decidedAt.getTime() + 90 * dayMs)
    expect(await submitAs(user)).toEqual({ ok: false, error: reapplyMessage(again) })
    expect(reapplyMessage(again)).toBe(`You can apply again on ${formatDay(again)}.`)
    const view = await getMyApplication({ ...user, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false }, id)
    expect(view!.reapplyOn).toBe(again.toISOString())

    await d().update(trainerApplications).set({ decidedAt: new Date(Date.now() - 91 * dayMs) }).where(eq(trainerApplications.id, id))
    const second = await submitAs(user)
    expect(second.ok).toBe(true)
    expect(await countApplications(user.id)).toBe(2)
    const list = await listMyApplications({ ...user, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false })
    expect(list.map((a) => a.status)).toEqual(['submitted', 'rejected'])
  })

  it('answers a replayed submit (same idempotency key) with the first answer and stores one application', async () => {
    const user = await newUser()
    await signInAs(user)
    const form = applicationForm({ cv: await pdfFile() })
    const first = await submitApplication(form)
    const replay = await submitApplication(form)
    expect(first.ok).toBe(true)
    expect(replay).toEqual(first)
    expect(await countApplications(user.id)).toBe(1)
    expect(await d().select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email))).toHaveLength(1)
  })

  it('thanks a bot (honeypot filled, or faster than a person) without storing anything, and counts it', async () => {
    const user = await newUser()
    const botsBefore = await d().select({ reason: formBotEvents.reason, count: formBotEvents.count }).from(formBotEvents).where(eq(formBotEvents.form, 'trainer-application'))
    const count = (rows: { reason: string; count: number }[], reason: string) => rows.find((r) => r.reason === reason)?.count ?? 0
    const thanks = { ok: true, data: { id: null }, message: 'Your application was sent.' }
    expect(await submitAs(user, {}, { hp: 'https://spam.example' })).toEqual(thanks)
    expect(await submitAs(user, { cv: await pdfFile('cv.pdf', true) }, { fillMs: '3000' })).toEqual(thanks)
    expect(await countApplications(user.id)).toBe(0)
    const botsAfter = await d().select({ reason: formBotEvents.reason, count: formBotEvents.count }).from(formBotEvents).where(eq(formBotEvents.form, 'trainer-application'))
    expect(count(botsAfter, 'honeypot')).toBe(count(botsBefore, 'honeypot') + 1)
    expect(count(botsAfter, 'too-fast')).toBe(count(botsBefore, 'too-fast') + 1)
  })

  it('rate-limits submits per account email with a "try again in N minutes" message', async () => {
    const user = await newUser()
    await submitted(user)
    // Refused submits count too: 5 per address and hour.
    for (let i = 0; i < 4; i++) expect(await submitAs(user)).toEqual({ ok: false, error: openApplicationMessage })
    const limited = await submitAs(user)
    expect(limited.ok).toBe(false)
    if (!limited.ok) {
      expect(limited.error).toMatch(/^Too many attempts\. Please try again in \d+ minutes?\.$/)
      expect(limited.retryAfterSeconds).toBeGreaterThan(0)
    }
  })

  it('lets the owner withdraw an open application, once, and apply again at once', async () => {
    const user = await newUser()
    const id = await submitted(user)
    await signInAs(user)
    expect(await withdrawApplication({ id, version: 1 })).toEqual({ ok: true, data: { status: 'withdrawn' }, message: 'Your application was withdrawn. You can apply again whenever you are ready.' })
    const [row] = await d().select({ status: trainerApplications.status, version: trainerApplications.version }).from(trainerApplications).where(eq(trainerApplications.id, id))
    expect(row).toEqual({ status: 'withdrawn', version: 2 })
    const events = await d().select({ from: applicationEvents.fromStatus, to: applicationEvents.toStatus }).from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.createdAt))
    expect(events).toEqual([
      { from: null, to: 'submitted' },
      { from: 'submitted', to: 'withdrawn' },
    ])
    expect(await d().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'application.withdraw')))).toHaveLength(1)

    // From a closed status: refused.
    expect(await withdrawApplication({ id, version: 2 })).toEqual({ ok: false, error: 'This application is already closed, so it cannot be withdrawn.' })
    const view = await getMyApplication({ ...user, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false }, id)
    expect(view).toMatchObject({ status: 'withdrawn', open: false, reapplyOn: null })
    expect(view!.timeline.at(-1)).toMatchObject({ label: 'Decision', outcome: 'withdrawn' })

    expect((await submitAs(user)).ok).toBe(true)
  })

  it('refuses a withdrawal by another person, by an anonymous visitor, from a stale page, and a malformed id', async () => {
    const owner = await newUser()
    const stranger = await newUser('stranger')
    const id = await submitted(owner)

    signOut()
    expect(await withdrawApplication({ id, version: 1 })).toEqual({ ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' })
    await signInAs(stranger)
    expect(await withdrawApplication({ id, version: 1 })).toEqual({ ok: false, error: notFoundMessage })
    expect(await getMyApplication({ ...stranger, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false }, id)).toBeNull()
    expect(await getMyApplication({ ...owner, role: 'candidate', emailVerified: false, sessionVersion: 1, totpEnabled: false, mfa: false }, 'not-a-uuid')).toBeNull()
    expect((await withdrawApplication({ id: 'not-a-uuid', version: 1 })).ok).toBe(false)

    // A reviewer moved it meanwhile: the owner's page is stale.
    await d().update(trainerApplications).set({ status: 'screening', version: 2 }).where(eq(trainerApplications.id, id))
    await signInAs(owner)
    expect((await withdrawApplication({ id, version: 1 })).ok).toBe(false)
    // ...and from an open later status with the right version, it works.
    expect((await withdrawApplication({ id, version: 2 })).ok).toBe(true)

    // A decided application cannot be withdrawn.
    const other = await submitted(await newUser())
    await d().update(trainerApplications).set({ status: 'accepted', decidedAt: new Date() }).where(eq(trainerApplications.id, other))
    const [otherOwner] = await d().select({ userId: trainerApplications.userId }).from(trainerApplications).where(eq(trainerApplications.id, other))
    await signInAs(otherOwner!.userId)
    expect(await withdrawApplication({ id: other, version: 1 })).toEqual({ ok: false, error: 'This application is already closed, so it cannot be withdrawn.' })
    const [still] = await d().select({ status: trainerApplications.status }).from(trainerApplications).where(eq(trainerApplications.id, other))
    expect(still!.status).toBe('accepted')
  })
})
