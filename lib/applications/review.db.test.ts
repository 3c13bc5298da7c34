import { and, asc, eq } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them (and requireRole) run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

// The audit row can be made to fail once: it is the last write of a status change, so the whole
// change (status, event, queued email, trainer grant) must roll back with it.
const audit = vi.hoisted(() => ({ failNext: false }))
vi.mock('@/lib/audit', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/audit')>()
  return {
    ...real,
    writeAudit: async (...args: Parameters<typeof real.writeAudit>) => {
      if (audit.failNext) {
        audit.failNext = false
        throw new Error('audit log unavailable')
      }
      return real.writeAudit(...args)
    },
  }
})

import { createHash } from 'node:crypto'
import type { Database } from '@/db'
import {
  applicationEvents,
  applicationNotes,
  applicationScores,
  applicationSkills,
  applicationStatusValues,
  auditLog,
  emailOutbox,
  emailTemplates,
  media,
  skills,
  trainerApplications,
  trainerProfiles,
  trainerSkills,
  users,
  type ApplicationStatus,
  type UserRole,
} from '@/db/schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { fingerprint, makeUser } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { request, signInAs, signOut } from '@/test/session'
import { addApplicationNote, moveApplication, saveApplicationScore, saveDecisionTemplate } from './admin-actions'
import {
  applicationsPageSize,
  exportApplicationsCsv,
  exportHeader,
  getApplicationCv,
  getApplicationForReview,
  listApplicationFilterOptions,
  listApplicationsForReview,
  listDecisionTemplates,
} from './admin-data'
import { applicationConflictMessage, applicationListQuerySchema, templateConflictMessage, type ApplicationListQuery } from './admin-schema'
import { canReviewerMove, reviewerTransitions, statusLabels } from './status'
import { defaultTemplates, fillTemplate, unknownPlaceholders } from './templates'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const forbidden = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const somethingWrong = { ok: false, error: 'Something went wrong on our side. Nothing was changed; please try again.' }

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const unique = (label: string) => `${label}${runId}${++counter}`

const allPairs = applicationStatusValues.flatMap((from) => applicationStatusValues.map((to) => [from, to] as [ApplicationStatus, ApplicationStatus]))

describeEachEngine('trainer application review', ({ handle }) => {
  const d = (): Database => handle().db
  let admin: { id: string; name: string }
  const skillIds: Record<'sql' | 'python' | 'docker', string> = { sql: '', python: '', docker: '' }
  const skillSlugs: Record<'sql' | 'python' | 'docker', string> = { sql: '', python: '', docker: '' }

  beforeAll(async () => {
    admin = await makeUser(d(), 'admin', { name: 'Ada Admin' })
    for (const key of ['sql', 'python', 'docker'] as const) {
      const slug = `${key}-${runId}`
      const [row] = await d()
        .insert(skills)
        .values({ name: `${key.toUpperCase()} ${runId}`, slug })
        .returning()
      skillIds[key] = row!.id
      skillSlugs[key] = slug
    }
  })

  beforeEach(() => {
    signOut()
    refreshedTags.length = 0
    audit.failNext = false
    request.ip = '203.0.113.7'
  })

  function failAuditOnce() {
    audit.failNext = true
    vi.spyOn(console, 'error').mockImplementationOnce(() => {})
  }

  /** An application inserted directly, as H1's submit would leave it (with its "submitted" event). */
  async function makeApplication(
    over: Partial<typeof trainerApplications.$inferInsert> & { userRole?: UserRole; userId?: string; skills?: string[]; cv?: { bytes: Uint8Array; mimeType?: string } } = {},
  ) {
    const { userRole = 'candidate', userId, skills: skillList = [skillIds.sql], cv, ...values } = over
    const user = userId ? { id: userId } : await makeUser(d(), userRole, { name: values.fullName ?? 'Applicant' })
    let cvMediaId: string | null = null
    if (cv) {
      const [m] = await d()
        .insert(media)
        .values({ bytes: cv.bytes, mimeType: cv.mimeType ?? 'application/pdf', byteSize: cv.bytes.byteLength, sha256: createHash('sha256').update(cv.bytes).digest('hex') })
        .returning({ id: media.id })
      cvMediaId = m!.id
    }
    const [row] = await d()
      .insert(trainerApplications)
      .values({
        userId: user.id,
        fullName: 'Applicant',
        email: `${unique('applicant')}@example.com`,
        country: 'DE',
        languages: ['English'],
        offers: ['training'],
        yearsExperience: 7,
        headline: 'Data engineering trainer',
        bio: 'I teach data engineering.',
        motivation: 'I like teaching.',
        availability: 'Two days a week',
        cvMediaId,
        cvFileName: cv ? 'My CV.pdf' : null,
        ...values,
      })
      .returning()
    if (skillList.length) await d().insert(applicationSkills).values(skillList.map((skillId) => ({ applicationId: row!.id, skillId })))
    await d().insert(applicationEvents).values({ applicationId: row!.id, fromStatus: null, toStatus: 'submitted', actorId: user.id })
    return row!
  }

  async function appRow(id: string) {
    const [row] = await d().select().from(trainerApplications).where(eq(trainerApplications.id, id))
    return row!
  }
  const outboxFor = (to: string) => d().select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(asc(emailOutbox.createdAt))
  const eventsFor = (id: string) => d().select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.createdAt))
  const auditFor = (id: string) => d().select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.id))

  async function asAdmin() {
    await signInAs(admin.id)
  }

  async function expectRefusedUnchanged<T>(write: () => Promise<T>, expected: unknown) {
    const before = await fingerprint(d())
    const result = await write()
    expect(result).toEqual(expected)
    expect(await fingerprint(d())).toEqual(before)
    expect(refreshedTags).toEqual([])
    return result
  }

  describe('the state machine', () => {
    it('allows exactly the reviewer paths: submitted -> screening -> interview -> accepted | rejected', () => {
      const allowed = allPairs.filter(([f, t]) => canReviewerMove(f, t))
      expect(allowed).toEqual([
        ['submitted', 'screening'],
        ['screening', 'interview'],
        ['interview', 'accepted'],
        ['interview', 'rejected'],
      ])
    })

    it.each(allPairs.filter(([f, t]) => reviewerTransitions[f].includes(t)))('moves %s -> %s, with an event and an audit row', async (from, to) => {
      const app = await makeApplication({ status: from })
      await asAdmin()
      const result = await moveApplication({ id: app.id, to, version: 1 })
      expect(result).toMatchObject({ ok: true, data: { status: to, version: 2 } })
      const after = await appRow(app.id)
      expect(after).toMatchObject({ status: to, version: 2 })
      expect(after.decidedAt === null).toBe(!(to === 'accepted' || to === 'rejected'))
      const events = await eventsFor(app.id)
      expect(events.at(-1)).toMatchObject({ fromStatus: from, toStatus: to, actorId: admin.id })
      const audits = await auditFor(app.id)
      expect(audits).toHaveLength(1)
      expect(audits[0]).toMatchObject({ actorId: admin.id, action: 'application.status', entityType: 'trainer_application', ip: '203.0.113.7' })
      expect(audits[0]!.before).toEqual({ status: from, version: 1 })
      expect(audits[0]!.after).toMatchObject({ status: to, version: 2 })
      // Only decisions that concern the applicant send an email.
      expect((await outboxFor(app.email)).map((m) => m.kind)).toEqual(to === 'screening' ? [] : [`application.${to}`])
      expect(refreshedTags).toEqual(to === 'accepted' ? ['trainers'] : [])
    })

    it.each(allPairs.filter(([f, t]) => !reviewerTransitions[f].includes(t)))('refuses %s -> %s and changes nothing', async (from, to) => {
      const app = await makeApplication({ status: from })
      await asAdmin()
      await expectRefusedUnchanged(() => moveApplication({ id: app.id, to, version: 1 }), {
        ok: false,
        error: `An application that is “${statusLabels[from]}” cannot move to “${statusLabels[to]}”.`,
      })
    })

    it('refuses a move from a stale page (the version the reviewer saw), and changes nothing', async () => {
      const app = await makeApplication()
      await asAdmin()
      expect(await moveApplication({ id: app.id, to: 'screening', version: 1 })).toMatchObject({ ok: true })
      // A second reviewer still has version 1 on screen.
      await expectRefusedUnchanged(() => moveApplication({ id: app.id, to: 'interview', version: 1 }), { ok: false, error: applicationConflictMessage })
      await expectRefusedUnchanged(() => moveApplication({ id: app.id, to: 'screening', version: 1 }), { ok: false, error: applicationConflictMessage })
      expect(await moveApplication({ id: app.id, to: 'interview', version: 2 })).toMatchObject({ ok: true, data: { status: 'interview', version: 3 } })
    })

    it('refuses an unknown application and malformed input', async () => {
      await asAdmin()
      await expectRefusedUnchanged(() => moveApplication({ id: '11111111-1111-4111-8111-111111111111', to: 'screening', version: 1 }), {
        ok: false,
        error: 'This application no longer exists. Reload the list.',
      })
      const bad = await moveApplication({ id: 'nope', to: 'hired', version: 'x' })
      expect(bad).toMatchObject({ ok: false, error: 'Please correct the highlighted fields.' })
      expect(Object.keys((bad as { fieldErrors: object }).fieldErrors).sort()).toEqual(['id', 'to', 'version'])
    })
  })

  describe('who may review', () => {
    it.each(['anonymous', 'candidate', 'trainer', 'editor'] as const)('refuses every admin action and read to %s, and writes nothing', async (caller) => {
      const app = await makeApplication({ status: 'interview', cv: { bytes: new TextEncoder().encode('%PDF-1.4 test') } })
      if (caller !== 'anonymous') await signInAs(await makeUser(d(), caller))
      const expected = caller === 'anonymous' ? signInRequired : forbidden
      await expectRefusedUnchanged(() => moveApplication({ id: app.id, to: 'accepted', version: 1 }), expected)
      await expectRefusedUnchanged(() => addApplicationNote({ id: app.id, body: 'Looks good' }), expected)
      await expectRefusedUnchanged(() => saveApplicationScore({ id: app.id, expertise: 5, communication: 5, fit: 5 }), expected)
      await expectRefusedUnchanged(() => saveDecisionTemplate({ key: 'application.accepted', subject: 'Hi', body: 'Hello {{name}}', version: 0 }), expected)
      const error = caller === 'anonymous' ? UnauthenticatedError : ForbiddenError
      const before = await fingerprint(d())
      const query = applicationListQuerySchema.parse({})
      await expect(listApplicationsForReview(query)).rejects.toBeInstanceOf(error)
      await expect(listApplicationFilterOptions()).rejects.toBeInstanceOf(error)
      await expect(getApplicationForReview(app.id)).rejects.toBeInstanceOf(error)
      await expect(getApplicationCv(app.id)).rejects.toBeInstanceOf(error)
      await expect(exportApplicationsCsv(query)).rejects.toBeInstanceOf(error)
      await expect(listDecisionTemplates()).rejects.toBeInstanceOf(error)
      expect(await fingerprint(d())).toEqual(before)
    })

    it('refuses the applicant on their own application', async () => {
      const app = await makeApplication({ status: 'interview' })
      await signInAs(app.userId)
      await expectRefusedUnchanged(() => moveApplication({ id: app.id, to: 'accepted', version: 1 }), forbidden)
      await expect(getApplicationCv(app.id)).rejects.toBeInstanceOf(ForbiddenError)
    })
  })

  describe('notes and scores', () => {
    it('adds notes (newest first, with their author) with an audit row', async () => {
      const app = await makeApplication()
      await asAdmin()
      expect(await addApplicationNote({ id: app.id, body: '  Strong SQL background.  ' })).toMatchObject({ ok: true, message: 'Your note was added.' })
      expect(await addApplicationNote({ id: app.id, body: '<b>Second</b> note' })).toMatchObject({ ok: true })
      const detail = (await getApplicationForReview(app.id))!
      expect(detail.notes.map((n) => [n.body, n.author?.name])).toEqual([
        ['<b>Second</b> note', 'Ada Admin'],
        ['Strong SQL background.', 'Ada Admin'],
      ])
      expect((await auditFor(app.id)).map((a) => a.action)).toEqual(['application.note', 'application.note'])
      // Notes do not change the version: an open page can still move the application.
      expect((await appRow(app.id)).version).toBe(1)
    })

    it('refuses an empty or too long note with a field error, and an unknown application', async () => {
      const app = await makeApplication()
      await asAdmin()
      const empty = await expectRefusedUnchanged(() => addApplicationNote({ id: app.id, body: '   ' }), expect.objectContaining({ ok: false }))
      expect(empty).toMatchObject({ fieldErrors: { body: ['Enter a note (at least 1 characters).'] } })
      await expectRefusedUnchanged(() => addApplicationNote({ id: app.id, body: 'x'.repeat(4001) }), expect.objectContaining({ fieldErrors: { body: ['Use at most 4000 characters.'] } }))
      await expectRefusedUnchanged(() => addApplicationNote({ id: '11111111-1111-4111-8111-111111111111', body: 'Hello' }), {
        ok: false,
        error: 'This application no longer exists. Reload the list.',
      })
      expect(await d().select().from(applicationNotes).where(eq(applicationNotes.applicationId, app.id))).toEqual([])
    })

    it("keeps one score card per reviewer (saving again replaces it) and shows every reviewer's average", async () => {
      const app = await makeApplication()
      const second = await makeUser(d(), 'admin', { name: 'Second Admin' })
      await asAdmin()
      expect(await saveApplicationScore({ id: app.id, expertise: '4', communication: '3', fit: '5' })).toMatchObject({ ok: true, data: { expertise: 4, communication: 3, fit: 5 } })
      expect(await saveApplicationScore({ id: app.id, expertise: 5, communication: 3, fit: 5 })).toMatchObject({ ok: true })
      await signInAs(second)
      expect(await saveApplicationScore({ id: app.id, expertise: 2, communication: 4, fit: 4 })).toMatchObject({ ok: true })
      const rows = await d().select().from(applicationScores).where(eq(applicationScores.applicationId, app.id))
      expect(rows).toHaveLength(2)
      const seenBySecond = (await getApplicationForReview(app.id))!.scores
      expect(seenBySecond).toEqual({ mine: { expertise: 2, communication: 4, fit: 4 }, average: { expertise: 3.5, communication: 3.5, fit: 4.5, overall: 3.8 }, reviewers: 2 })
      await asAdmin()
      expect((await getApplicationForReview(app.id))!.scores.mine).toEqual({ expertise: 5, communication: 3, fit: 5 })
      const audits = await auditFor(app.id)
      expect(audits.map((a) => a.action)).toEqual(['application.score', 'application.score', 'application.score'])
      expect(audits[1]!.before).toEqual({ expertise: 4, communication: 3, fit: 5 })
    })

    it.each([
      ['0', { expertise: 0, communication: 3, fit: 3 }, ['expertise'], 'Give expertise a score from 1 to 5.'],
      ['6', { expertise: 3, communication: 6, fit: 3 }, ['communication'], 'Give communication a score from 1 to 5.'],
      ['2.5', { expertise: 3, communication: 3, fit: 2.5 }, ['fit'], 'Give fit a whole number from 1 to 5.'],
      ['not a number', { expertise: 'abc', communication: '', fit: 3 }, ['communication', 'expertise'], 'Give expertise a score from 1 to 5.'],
    ] as const)('refuses a score of %s with a field error and stores nothing', async (_label, scores, fields, message) => {
      const app = await makeApplication()
      await asAdmin()
      const result = await expectRefusedUnchanged(() => saveApplicationScore({ id: app.id, ...scores }), expect.objectContaining({ ok: false, error: 'Please correct the highlighted fields.' }))
      const fieldErrors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors
      expect(Object.keys(fieldErrors).sort()).toEqual([...fields])
      expect(fieldErrors[fields[0] === 'communication' && fields.length > 1 ? 'expertise' : fields[0]!]).toEqual([message])
    })
  })

  describe('decision emails', () => {
    async function moveTo(app: { id: string }, ...steps: ApplicationStatus[]) {
      let version = (await appRow(app.id)).version
      for (const to of steps) {
        const result = await moveApplication({ id: app.id, to, version })
        if (!result.ok) throw new Error(result.error)
        version = result.data.version
      }
    }

    it('queues the default template, filled and escaped, in the outbox', async () => {
      const app = await makeApplication({ fullName: 'Ann <b>&</b> "Co"' })
      await asAdmin()
      await moveTo(app, 'screening', 'interview')
      const [mail] = await outboxFor(app.email)
      expect(mail).toMatchObject({ kind: 'application.interview', userId: app.userId, subject: defaultTemplates['application.interview'].subject, status: 'queued' })
      expect(mail!.textBody).toContain('Hello Ann <b>&</b> "Co",')
      expect(mail!.textBody).toContain(`/dashboard/applications/${app.id}`)
      expect(mail!.htmlBody).toContain('Hello Ann &lt;b&gt;&amp;&lt;/b&gt; &quot;Co&quot;,')
      expect(mail!.htmlBody).not.toContain('<b>&</b>')
      expect(mail!.htmlBody).not.toContain('{{')
    })

    it('gives the re-apply date 90 days after a rejection', async () => {
      const app = await makeApplication({ status: 'interview' })
      await asAdmin()
      await moveTo(app, 'rejected')
      const [mail] = await outboxFor(app.email)
      const decidedAt = (await appRow(app.id)).decidedAt!
      const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(decidedAt.getTime() + 90 * 86_400_000))
      expect(mail).toMatchObject({ kind: 'application.rejected', subject: defaultTemplates['application.rejected'].subject })
      expect(mail!.textBody).toContain(`You are welcome to apply again from ${date}.`)
    })

    it('uses the edited template once an admin saved one', async () => {
      await asAdmin()
      const current = (await listDecisionTemplates()).find((t) => t.key === 'application.accepted')!
      const saved = await saveDecisionTemplate({
        key: 'application.accepted',
        subject: 'Welcome aboard, {{name}}!',
        body: 'Dear {{name}},\n\nYou are in. Details: {{dashboardUrl}}\n\nCheers',
        version: current.version,
      })
      expect(saved).toMatchObject({ ok: true })
      const app = await makeApplication({ status: 'interview', fullName: 'Bea <Trainer>' })
      await moveTo(app, 'accepted')
      const [mail] = await outboxFor(app.email)
      expect(mail!.subject).toBe('Welcome aboard, Bea <Trainer>!')
      expect(mail!.textBody).toContain('Dear Bea <Trainer>,\n\nYou are in. Details: http')
      expect(mail!.htmlBody).toMatch(/<h1[^>]*>Welcome aboard, Bea &lt;Trainer&gt;!<\/h1>/)
      expect(mail!.htmlBody).toContain('>Dear Bea &lt;Trainer&gt;,</p>')
      expect(mail!.htmlBody).toContain('>Cheers</p>')
    })

    it('queues nothing and changes nothing when the status change fails (one transaction)', async () => {
      const app = await makeApplication({ status: 'interview' })
      await asAdmin()
      const before = await fingerprint(d())
      failAuditOnce()
      expect(await moveApplication({ id: app.id, to: 'accepted', version: 1 })).toEqual(somethingWrong)
      expect(await fingerprint(d())).toEqual(before)
      expect(await outboxFor(app.email)).toEqual([])
      expect(await appRow(app.id)).toMatchObject({ status: 'interview', version: 1 })
      expect(await d().select().from(trainerProfiles).where(eq(trainerProfiles.userId, app.userId))).toEqual([])
      expect(refreshedTags).toEqual([])
    })
  })

  describe('templates', () => {
    it('lists the defaults, saves from the version loaded (audited) and refuses a stale one', async () => {
      await asAdmin()
      const key = 'application.interview'
      const listed = (await listDecisionTemplates()).find((t) => t.key === key)!
      expect(listed).toMatchObject({ ...defaultTemplates[key], version: 0, customized: false })
      const first = await saveDecisionTemplate({ key, subject: 'Interview, {{name}}', body: 'Hello {{name}}\n\nSee {{dashboardUrl}}', version: 0 })
      expect(first).toEqual({ ok: true, data: { version: 1 }, message: 'The “Interview invitation” template was saved.' })
      await expectRefusedUnchanged(() => saveDecisionTemplate({ key, subject: 'Other', body: 'Other', version: 0 }), { ok: false, error: templateConflictMessage })
      expect(await saveDecisionTemplate({ key, subject: 'Interview, {{ name }}', body: 'Hello again', version: 1 })).toMatchObject({ ok: true, data: { version: 2 } })
      await expectRefusedUnchanged(() => saveDecisionTemplate({ key, subject: 'Stale', body: 'Stale', version: 1 }), { ok: false, error: templateConflictMessage })
      expect((await listDecisionTemplates()).find((t) => t.key === key)).toMatchObject({ subject: 'Interview, {{ name }}', body: 'Hello again', version: 2, customized: true, updatedBy: 'Ada Admin' })
      const audits = await auditFor(key)
      expect(audits.map((a) => [a.action, a.actorId])).toEqual([
        ['email_template.update', admin.id],
        ['email_template.update', admin.id],
      ])
      expect(audits[0]!.before).toEqual({ ...defaultTemplates[key], version: 0 })
      expect(audits[1]!.after).toEqual({ subject: 'Interview, {{ name }}', body: 'Hello again', version: 2 })
    })

    it('refuses unknown placeholders, an empty body, a line break in the subject and an unknown key, with field messages', async () => {
      await asAdmin()
      const key = 'application.rejected'
      const unknown = await expectRefusedUnchanged(
        () => saveDecisionTemplate({ key, subject: 'Hi {{firstName}}', body: 'Hello {{name}}, {{ password }} and {{name}}', version: 0 }),
        expect.objectContaining({ ok: false }),
      )
      expect(unknown).toMatchObject({
        fieldErrors: {
          subject: ['Unknown placeholder {{firstName}}. Use {{name}}, {{dashboardUrl}} or {{reapplyDate}}.'],
          body: ['Unknown placeholder {{password}}. Use {{name}}, {{dashboardUrl}} or {{reapplyDate}}.'],
        },
      })
      const other = await expectRefusedUnchanged(() => saveDecisionTemplate({ key: 'user.welcome', subject: 'A\nB', body: '  ', version: 0 }), expect.objectContaining({ ok: false }))
      expect(Object.keys((other as { fieldErrors: object }).fieldErrors).sort()).toEqual(['body', 'key', 'subject'])
      expect(await d().select().from(emailTemplates).where(eq(emailTemplates.key, key))).toEqual([])
    })

    it('fills only known placeholders', () => {
      expect(unknownPlaceholders('{{name}} {{ dashboardUrl }} {{reapplyDate}}')).toEqual([])
      expect(unknownPlaceholders('{{x}} {{}} {{x}}')).toEqual(['x', ''])
      expect(fillTemplate('Hi {{ name }} <{{dashboardUrl}}>', { name: '$& $1', dashboardUrl: 'u', reapplyDate: 'd' })).toBe('Hi $& $1 <u>')
    })
  })

  describe('acceptance', () => {
    it('makes a candidate a trainer with a visible profile and the application skills', async () => {
      const app = await makeApplication({ status: 'interview', headline: 'SQL coach', skills: [skillIds.sql, skillIds.python] })
      await asAdmin()
      expect(await moveApplication({ id: app.id, to: 'accepted', version: 1 })).toMatchObject({ ok: true })
      const [user] = await d().select({ role: users.role }).from(users).where(eq(users.id, app.userId))
      expect(user!.role).toBe('trainer')
      const [profile] = await d().select().from(trainerProfiles).where(eq(trainerProfiles.userId, app.userId))
      expect(profile).toMatchObject({ headline: 'SQL coach', visible: true, applicationId: app.id })
      const skillRows = await d().select({ skillId: trainerSkills.skillId }).from(trainerSkills).where(eq(trainerSkills.userId, app.userId))
      expect(skillRows.map((s) => s.skillId).sort()).toEqual([skillIds.sql, skillIds.python].sort())
      expect((await auditFor(app.id)).at(-1)!.after).toMatchObject({ status: 'accepted', role: 'trainer' })
      expect(refreshedTags).toEqual(['trainers'])
    })

    it.each(['editor', 'admin'] as const)('keeps the role of a %s who is accepted, and still gives the card', async (role) => {
      const app = await makeApplication({ status: 'interview', userRole: role, skills: [skillIds.docker] })
      await asAdmin()
      expect(await moveApplication({ id: app.id, to: 'accepted', version: 1 })).toMatchObject({ ok: true })
      const [user] = await d().select({ role: users.role }).from(users).where(eq(users.id, app.userId))
      expect(user!.role).toBe(role)
      expect(await d().select().from(trainerProfiles).where(eq(trainerProfiles.userId, app.userId))).toHaveLength(1)
    })

    it('updates an existing profile: new headline, skills added to the ones it had', async () => {
      const trainer = await makeUser(d(), 'trainer')
      await d().insert(trainerProfiles).values({ userId: trainer.id, headline: 'Old headline', visible: false })
      await d().insert(trainerSkills).values({ userId: trainer.id, skillId: skillIds.docker })
      const app = await makeApplication({ status: 'interview', userId: trainer.id, headline: 'New headline', skills: [skillIds.docker, skillIds.sql] })
      await asAdmin()
      expect(await moveApplication({ id: app.id, to: 'accepted', version: 1 })).toMatchObject({ ok: true })
      const [profile] = await d().select().from(trainerProfiles).where(eq(trainerProfiles.userId, trainer.id))
      expect(profile).toMatchObject({ headline: 'New headline', visible: true, applicationId: app.id })
      const skillRows = await d().select({ skillId: trainerSkills.skillId }).from(trainerSkills).where(eq(trainerSkills.userId, trainer.id))
      expect(skillRows.map((s) => s.skillId).sort()).toEqual([skillIds.docker, skillIds.sql].sort())
      expect((await d().select({ role: users.role }).from(users).where(eq(users.id, trainer.id)))[0]!.role).toBe('trainer')
    })

    it('gives nothing on a rejection', async () => {
      const app = await makeApplication({ status: 'interview' })
      await asAdmin()
      expect(await moveApplication({ id: app.id, to: 'rejected', version: 1 })).toMatchObject({ ok: true })
      expect((await d().select({ role: users.role }).from(users).where(eq(users.id, app.userId)))[0]!.role).toBe('candidate')
      expect(await d().select().from(trainerProfiles).where(eq(trainerProfiles.userId, app.userId))).toEqual([])
    })
  })

  describe('the list, its filters and the CSV export', () => {
    /** Five applications sharing a tag in their headline, so a search isolates them from other tests' rows. */
    async function fixtures() {
      const tag = unique('tag')
      const day = (d: number, h = 12) => new Date(Date.UTC(2025, 2, d, h))
      const a = await makeApplication({ fullName: 'Alice Archer', headline: `Python ${tag}`, country: 'FR', skills: [skillIds.python], submittedAt: day(1, 0) })
      const b = await makeApplication({ fullName: 'Bob Baker', headline: `SQL ${tag}`, country: 'DE', skills: [skillIds.sql, skillIds.python], status: 'screening', submittedAt: day(2) })
      const c = await makeApplication({ fullName: 'Cleo 100%', headline: `Docker ${tag}`, country: 'DE', skills: [skillIds.docker], status: 'interview', submittedAt: day(3, 23) })
      const e = await makeApplication({ fullName: '=HYPERLINK("http://evil.example","Click")', headline: `+Formula ${tag}`, country: 'GB', skills: [], status: 'rejected', submittedAt: day(4) })
      const f = await makeApplication({ fullName: 'Fay Fisher', email: `${tag.toLowerCase()}@mail.example.com`, headline: 'Unrelated', country: 'FR', skills: [skillIds.sql], submittedAt: day(5) })
      return { tag, a, b, c, e, f }
    }
    const q = (over: Partial<ApplicationListQuery>) => applicationListQuerySchema.parse(over)
    const ids = async (over: Partial<ApplicationListQuery>) => (await listApplicationsForReview(q(over))).items.map((i) => i.id)

    it('searches name, email and headline, filters by status, skill, country and days, newest first, with counts', async () => {
      await asAdmin()
      const { tag, a, b, c, e, f } = await fixtures()
      expect(await ids({ q: tag })).toEqual([f.id, e.id, c.id, b.id, a.id])
      expect(await ids({ q: 'alice archer' })).toContain(a.id)
      expect(await ids({ q: tag, status: 'screening' })).toEqual([b.id])
      expect(await ids({ q: tag, skill: skillSlugs.python })).toEqual([b.id, a.id])
      expect(await ids({ q: tag, country: 'de' })).toEqual([c.id, b.id])
      expect(await ids({ q: tag, from: '2025-03-02', to: '2025-03-03' })).toEqual([c.id, b.id])
      expect(await ids({ q: tag, from: '2025-03-05' })).toEqual([f.id])
      expect(await ids({ q: tag, to: '2025-03-01' })).toEqual([a.id])
      expect(await ids({ q: tag, country: 'DE', status: 'accepted' })).toEqual([])
      // LIKE wildcards are searched for literally.
      expect(await ids({ q: `${tag}%` })).toEqual([])
      const list = await listApplicationsForReview(q({ q: tag, status: 'submitted' }))
      expect(list).toMatchObject({ total: 2, page: 1, pageCount: 1 })
      expect(list.counts).toEqual({ submitted: 2, screening: 1, interview: 1, accepted: 0, rejected: 1, withdrawn: 0 })
      const item = list.items.find((i) => i.id === a.id)!
      expect(item).toEqual({ id: a.id, fullName: 'Alice Archer', email: a.email, country: 'FR', headline: `Python ${tag}`, status: 'submitted', submittedAt: '2025-03-01T00:00:00.000Z', skills: [`PYTHON ${runId}`] })
      const options = await listApplicationFilterOptions()
      expect(options.countries).toEqual(expect.arrayContaining(['DE', 'FR', 'GB']))
      expect(options.skills.map((s) => s.slug)).toEqual(expect.arrayContaining([skillSlugs.sql, skillSlugs.python, skillSlugs.docker]))
    })

    it('paginates', async () => {
      await asAdmin()
      const tag = unique('page')
      for (let i = 0; i < applicationsPageSize + 2; i++) await makeApplication({ headline: `Paged ${tag}`, submittedAt: new Date(Date.UTC(2024, 0, 1, 0, i)) })
      const p1 = await listApplicationsForReview(q({ q: tag }))
      const p2 = await listApplicationsForReview(q({ q: tag, page: 2 }))
      expect(p1).toMatchObject({ total: applicationsPageSize + 2, pageCount: 2, page: 1 })
      expect(p1.items).toHaveLength(applicationsPageSize)
      expect(p2.items).toHaveLength(2)
      expect(new Set([...p1.items, ...p2.items].map((i) => i.id)).size).toBe(applicationsPageSize + 2)
      expect((await listApplicationsForReview(q({ q: tag, page: 99 }))).page).toBe(2)
    })

    it('reads malformed URL filters as no filter', () => {
      expect(applicationListQuerySchema.parse({ q: ' x ', status: 'hired', skill: 'SQL; drop', country: 'Germany', from: '2025-02-30', to: 'soon', page: '-3' })).toEqual({
        q: 'x',
        status: undefined,
        skill: undefined,
        country: undefined,
        from: undefined,
        to: undefined,
        page: 1,
      })
    })

    it('exports the filtered rows as CSV with formula cells neutralized', async () => {
      await asAdmin()
      const { tag, b, c, e } = await fixtures()
      await signInAs(admin.id)
      await saveApplicationScore({ id: b.id, expertise: 4, communication: 5, fit: 3 })
      const { csv, fileName, rows } = await exportApplicationsCsv(q({ q: tag, country: 'DE' }))
      expect(rows).toBe(2)
      expect(fileName).toMatch(/^trainer-applications-\d{4}-\d{2}-\d{2}\.csv$/)
      const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
      expect(lines[0]).toBe(exportHeader.join(','))
      expect(lines[1]).toContain(`Cleo 100%,${c.email},DE,Docker ${tag}`)
      expect(lines[1]).toContain('Interview')
      expect(lines[2]).toContain(`Bob Baker,${b.email},DE,SQL ${tag},training,7,`)
      expect(lines[2]).toContain(`"PYTHON ${runId}; SQL ${runId}"`.replace(/"/g, ''))
      expect(lines[2]).toContain(',4.0,')
      expect(lines).toHaveLength(4)
      expect(lines[3]).toBe('')

      const evil = await exportApplicationsCsv(q({ q: tag, country: 'GB' }))
      const evilLine = evil.csv.split('\r\n')[1]!
      expect(evilLine).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`)
      expect(evilLine).toContain(`'+Formula ${tag}`)
      expect(evilLine).toContain('Not accepted')
      expect(e.id).toBeTruthy()
    })
  })

  describe('the detail and the CV', () => {
    it('shows every answer, the skills, the timeline with actors and the next statuses', async () => {
      const app = await makeApplication({ fullName: 'Dana Detail', linkedinUrl: 'https://linkedin.com/in/dana', skills: [skillIds.python, skillIds.sql] })
      await asAdmin()
      await moveApplication({ id: app.id, to: 'screening', version: 1 })
      const detail = (await getApplicationForReview(app.id))!
      expect(detail).toMatchObject({
        id: app.id,
        status: 'screening',
        version: 2,
        fullName: 'Dana Detail',
        country: 'DE',
        languages: ['English'],
        offers: ['training'],
        yearsExperience: 7,
        headline: 'Data engineering trainer',
        bio: 'I teach data engineering.',
        linkedinUrl: 'https://linkedin.com/in/dana',
        websiteUrl: null,
        motivation: 'I like teaching.',
        availability: 'Two days a week',
        cvFileName: null,
        applicant: { name: 'Dana Detail', role: 'candidate' },
        nextStatuses: ['interview'],
      })
      expect(detail.skills.map((s) => s.slug)).toEqual([skillSlugs.python, skillSlugs.sql])
      expect(detail.events.map((e) => [e.from, e.to, e.actor?.name, e.byApplicant])).toEqual([
        [null, 'submitted', 'Dana Detail', true],
        ['submitted', 'screening', 'Ada Admin', false],
      ])
      expect(await getApplicationForReview('11111111-1111-4111-8111-111111111111')).toBeNull()
      expect(await getApplicationForReview('not-a-uuid')).toBeNull()
    })

    it('gives admins the CV bytes with a safe file name; nothing for an application without one', async () => {
      const bytes = new TextEncoder().encode('%PDF-1.4\n%test\n')
      const app = await makeApplication({ cv: { bytes } })
      const without = await makeApplication()
      await d().update(trainerApplications).set({ cvFileName: 'Lebenslauf "final"; v2.PDF' }).where(eq(trainerApplications.id, app.id))
      await asAdmin()
      const cv = await getApplicationCv(app.id)
      expect(Buffer.from(cv!.bytes).toString()).toBe('%PDF-1.4\n%test\n')
      expect(cv!.fileName).toBe('Lebenslauf-final-v2.pdf')
      expect(await getApplicationCv(without.id)).toBeNull()
      expect(await getApplicationCv('11111111-1111-4111-8111-111111111111')).toBeNull()
      expect(await getApplicationCv('../../etc/passwd')).toBeNull()
      expect((await getApplicationForReview(app.id))!.cvFileName).toBe('Lebenslauf "final"; v2.PDF')
    })

    it('never serves a non-PDF media row as a CV', async () => {
      const app = await makeApplication({ cv: { bytes: new TextEncoder().encode('<html>'), mimeType: 'text/html' } })
      await asAdmin()
      expect(await getApplicationCv(app.id)).toBeNull()
    })
  })

  it('writes each audit row with the reviewer and the request address', async () => {
    const app = await makeApplication()
    await asAdmin()
    request.ip = '198.51.100.23'
    await addApplicationNote({ id: app.id, body: 'Audited' })
    const rows = await d()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, app.id), eq(auditLog.action, 'application.note')))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ actorId: admin.id, ip: '198.51.100.23' })
  })
})
