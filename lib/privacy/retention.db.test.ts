import { createHash } from 'node:crypto'
import { eq, inArray, sql } from 'drizzle-orm'
import { beforeEach, expect, it } from 'vitest'
import type { Database } from '@/db'
import {
  applicationNotes,
  auditLog,
  consentRecords,
  emailOutbox,
  inquiries,
  inquiryNotes,
  media,
  newsletterSubscribers,
  trainerApplications,
  type ApplicationStatus,
} from '@/db/schema'
import { makeUser, uniqueEmail } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { retentionLogRecord, runRetention } from './retention'
import { retentionPeriods } from './retention-config'

const ago = (amount: number, unit: 'days' | 'months') => sql`now() - ${`${amount} ${unit}`}::interval`

describeEachEngine('retention', ({ handle }) => {
  const d = (): Database => handle().db

  beforeEach(async () => {
    for (const table of [consentRecords, newsletterSubscribers, emailOutbox, inquiries, auditLog, trainerApplications, media]) await d().delete(table)
  })

  async function subscriber(status: 'pending' | 'confirmed' | 'unsubscribed', lastMailDaysAgo: number, confirmedBefore = false) {
    const email = uniqueEmail('news')
    const [row] = await d()
      .insert(newsletterSubscribers)
      .values({ email, status, confirmSentAt: ago(lastMailDaysAgo, 'days'), createdAt: ago(lastMailDaysAgo, 'days'), confirmedAt: confirmedBefore || status === 'confirmed' ? ago(400, 'days') : null })
      .returning()
    await d().insert(consentRecords).values({ email, purpose: 'newsletter', granted: true, source: 'footer-newsletter', wording: 'w' })
    return row!
  }

  async function application(status: ApplicationStatus, closedMonthsAgo: number | null, withCv = true) {
    const user = await makeUser(d(), 'candidate')
    const bytes = new TextEncoder().encode(`%PDF-1.4 ${Math.random()}`)
    const [file] = withCv
      ? await d().insert(media).values({ bytes, mimeType: 'application/pdf', byteSize: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }).returning()
      : []
    const [row] = await d()
      .insert(trainerApplications)
      .values({
        userId: user.id,
        status,
        fullName: 'Applicant',
        email: uniqueEmail('applicant'),
        country: 'DE',
        languages: ['English'],
        offers: ['training'],
        yearsExperience: 5,
        headline: 'Trainer',
        bio: 'Bio',
        motivation: 'Motivation',
        availability: 'Weekends',
        cvMediaId: file?.id ?? null,
        cvFileName: file ? 'cv.pdf' : null,
        decidedAt: closedMonthsAgo === null ? null : ago(closedMonthsAgo, 'months'),
        updatedAt: closedMonthsAgo === null ? sql`now()` : ago(closedMonthsAgo, 'months'),
      })
      .returning()
    return { ...row!, mediaId: file?.id }
  }

  async function outbox(status: 'sent' | 'queued' | 'failed', sentDaysAgo: number) {
    const [row] = await d()
      .insert(emailOutbox)
      .values({ toAddress: uniqueEmail('mail'), kind: 'test', subject: 'S', textBody: 'secret link', htmlBody: '<p>secret link</p>', status, messageId: `<${Math.random()}@x>`, sentAt: status === 'sent' ? ago(sentDaysAgo, 'days') : null, createdAt: ago(sentDaysAgo, 'days') })
      .returning()
    return row!
  }

  async function inquiry(monthsAgo: number) {
    const [row] = await d()
      .insert(inquiries)
      .values({ kind: 'demo', company: 'Acme', contactName: 'Ann', email: uniqueEmail('inq'), size: '1-10', createdAt: ago(monthsAgo, 'months'), updatedAt: ago(monthsAgo, 'months') })
      .returning()
    await d().insert(inquiryNotes).values({ inquiryId: row!.id, body: 'Called back' })
    return row!
  }

  async function audit(monthsAgo: number) {
    const [row] = await d().insert(auditLog).values({ actorId: null, action: 'test.thing', entityType: 'test', createdAt: ago(monthsAgo, 'months') }).returning()
    return row!
  }

  it('uses the documented periods', () => {
    expect(retentionPeriods).toMatchObject({ unconfirmedNewsletterDays: 30, closedApplicationCvMonths: 12, sentEmailBodyDays: 30, inquiryMonths: 24, auditMonths: 24 })
  })

  it('purges exactly what is due and nothing else; a second run purges nothing', async () => {
    const news = {
      stalePending: await subscriber('pending', 31),
      freshPending: await subscriber('pending', 29),
      oldConfirmed: await subscriber('confirmed', 400),
      oldUnsubscribed: await subscriber('unsubscribed', 400),
      pendingAgainAfterConfirming: await subscriber('pending', 60, true),
    }
    const apps = {
      oldRejected: await application('rejected', 13),
      oldWithdrawn: await application('withdrawn', 13),
      recentRejected: await application('rejected', 11),
      oldAccepted: await application('accepted', 30),
      open: await application('screening', null),
      oldRejectedNoCv: await application('rejected', 20, false),
    }
    const mail = { oldSent: await outbox('sent', 31), recentSent: await outbox('sent', 29), oldFailed: await outbox('failed', 90) }
    const inq = { old: await inquiry(25), recent: await inquiry(23) }
    const aud = { old: await audit(25), recent: await audit(23) }

    const first = await runRetention()
    expect(first).toEqual({ ran: true, newsletterSignups: 1, applicationCvs: 2, emailBodies: 1, inquiries: 1, auditRows: 1 })
    expect(retentionLogRecord(first)).toEqual({ message: 'retention run', fields: { job: 'retention', ...first } })

    // Newsletter: only the never-confirmed sign-up past 30 days, and its consent row.
    const subscribers = await d().select({ id: newsletterSubscribers.id }).from(newsletterSubscribers)
    expect(subscribers.map((s) => s.id).sort()).toEqual([news.freshPending.id, news.oldConfirmed.id, news.oldUnsubscribed.id, news.pendingAgainAfterConfirming.id].sort())
    const consentEmails = (await d().select({ email: consentRecords.email }).from(consentRecords)).map((c) => c.email)
    expect(consentEmails).not.toContain(news.stalePending.email)
    expect(consentEmails).toHaveLength(4)

    // CVs: the bytes of old rejected/withdrawn applications go; the applications stay, with a note.
    const appRows = await d().select().from(trainerApplications)
    const byId = new Map(appRows.map((a) => [a.id, a]))
    expect(appRows).toHaveLength(6)
    for (const gone of [apps.oldRejected, apps.oldWithdrawn]) {
      expect(byId.get(gone.id)).toMatchObject({ cvMediaId: null, cvFileName: null, status: gone.status })
      const notes = await d().select().from(applicationNotes).where(eq(applicationNotes.applicationId, gone.id))
      expect(notes).toHaveLength(1)
      expect(notes[0]!.body).toContain('retention policy')
    }
    for (const kept of [apps.recentRejected, apps.oldAccepted, apps.open]) expect(byId.get(kept.id)!.cvMediaId).toBe(kept.mediaId)
    const mediaIds = (await d().select({ id: media.id }).from(media)).map((m) => m.id).sort()
    expect(mediaIds).toEqual([apps.recentRejected.mediaId, apps.oldAccepted.mediaId, apps.open.mediaId].sort())

    // Mail bodies: only the sent one past 30 days.
    const outRows = new Map((await d().select().from(emailOutbox)).map((o) => [o.id, o]))
    expect(outRows.get(mail.oldSent.id)).toMatchObject({ textBody: '', htmlBody: '', subject: 'S' })
    expect(outRows.get(mail.oldSent.id)!.bodyPurgedAt).not.toBeNull()
    expect(outRows.get(mail.recentSent.id)).toMatchObject({ textBody: 'secret link', bodyPurgedAt: null })
    expect(outRows.get(mail.oldFailed.id)).toMatchObject({ textBody: 'secret link', bodyPurgedAt: null })

    // Inquiries (with their notes) and audit rows past 24 months.
    expect((await d().select({ id: inquiries.id }).from(inquiries)).map((i) => i.id)).toEqual([inq.recent.id])
    expect(await d().select().from(inquiryNotes).where(inArray(inquiryNotes.inquiryId, [inq.old.id]))).toHaveLength(0)
    expect((await d().select({ id: auditLog.id }).from(auditLog)).map((a) => a.id)).toEqual([aud.recent.id])

    const second = await runRetention()
    expect(second).toEqual({ ran: true, newsletterSignups: 0, applicationCvs: 0, emailBodies: 0, inquiries: 0, auditRows: 0 })
    expect(await d().select().from(applicationNotes).where(inArray(applicationNotes.applicationId, [apps.oldRejected.id, apps.oldWithdrawn.id]))).toHaveLength(2)
  })

  it('honours other periods (a configured audit age)', async () => {
    const old = await audit(7)
    const recent = await audit(5)
    expect(await runRetention({ periods: { auditMonths: 6 } })).toMatchObject({ auditRows: 1 })
    const left = (await d().select({ id: auditLog.id }).from(auditLog)).map((a) => a.id)
    expect(left).toEqual([recent.id])
    expect(left).not.toContain(old.id)
  })

  it('skips, changing nothing, while another run holds the lock', async () => {
    await audit(30)
    // Hold the lock in a transaction of our own (on PGlite the same session can take it again, so PostgreSQL only shows the skip).
    if (handle().engine !== 'postgres') return
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    let locked!: () => void
    const isLocked = new Promise<void>((r) => (locked = r))
    const holder = d().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7240312)`)
      locked()
      await held
    })
    await isLocked
    expect(await runRetention()).toEqual({ ran: false, newsletterSignups: 0, applicationCvs: 0, emailBodies: 0, inquiries: 0, auditRows: 0 })
    release()
    await holder
    expect(await runRetention()).toMatchObject({ ran: true, auditRows: 1 })
  })
})
