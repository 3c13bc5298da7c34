import { randomBytes } from 'node:crypto'
import { and, asc, eq, sql } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them (and requireRole) run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

import { queryRows, type Database } from '@/db'
import { auditLog, emailOutbox, formBotEvents, formSubmissions, inquiries, inquiryNotes, users, type UserRole } from '@/db/schema'
import { seed } from '@/db/seed'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { teamEmail } from '@/lib/env'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { freshIp, request, signInAs, signOut } from '@/test/session'
import { GET as exportRoute } from '@/app/api/admin/inquiries/export/route'
import { submitDemoBooking, submitPartnershipInquiry } from './actions'
import { addInquiryNote, assignInquiry, setInquiryStatus } from './admin-actions'
import { exportInquiriesCsv, getInquiryForAdmin, listInquiries, listInquiryOwners } from './admin-data'
import { listDemoInterestOptions } from './data'
import { aYearAfter, demoThanks, inquiryConflictMessage, inquiryListQuerySchema, partnershipThanks, todayIn } from './schema'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const forbidden = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const corrected = 'Please correct the highlighted fields.'

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const uniqueEmail = (label = 'person') => `${label}.${runId}.${++counter}@example.com`
const newKey = () => randomBytes(18).toString('base64url')

/** The guard's fields as the browser sends them: a person who took 6 s, honeypot empty. */
const person = () => ({ idempotencyKey: newKey(), fillMs: '6000', hp: '' })

/** A date `days` from today in UTC, as a date input gives it. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

function form(fields: Record<string, string | string[] | undefined>) {
  const f = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (Array.isArray(value)) value.forEach((v) => f.append(`${key}[]`, v))
    else f.set(key, value)
  }
  return f
}

const partnershipFields = (over: Record<string, string | string[] | undefined> = {}) => ({
  company: 'Acme Learning',
  contactName: 'Ada Lovelace',
  email: uniqueEmail('ada'),
  companySize: '51-200',
  partnershipType: 'hiring',
  message: 'We hire analysts every quarter and would like to talk.',
  ...person(),
  ...over,
})

const demoFields = (over: Record<string, string | string[] | undefined> = {}) => ({
  company: 'Globex',
  contactName: 'Grace Hopper',
  email: uniqueEmail('grace'),
  teamSize: '21-50',
  interests: [] as string[],
  preferredDates: [day(3), '', day(10)],
  timeZone: 'Europe/Berlin',
  ...person(),
  ...over,
})

describeEachEngine('inquiries', ({ handle }) => {
  const d = (): Database => handle().db
  const people = {} as Record<'admin' | 'admin2' | 'editor' | 'candidate' | 'trainer', { id: string; name: string }>

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
    const [admin] = await d().select({ id: users.id, name: users.name }).from(users).where(eq(users.email, 'admin@example.com'))
    people.admin = admin!
    for (const [key, role] of [
      ['admin2', 'admin'],
      ['editor', 'editor'],
      ['candidate', 'candidate'],
      ['trainer', 'trainer'],
    ] as const satisfies [string, UserRole][]) {
      const [row] = await d()
        .insert(users)
        .values({ email: `${key}-${runId}@example.com`, name: `Pat ${key}`, role })
        .returning({ id: users.id, name: users.name })
      people[key] = row!
    }
  })

  beforeEach(() => {
    signOut()
    refreshedTags.length = 0
    freshIp()
  })

  async function inquiriesFor(email: string) {
    return d().select().from(inquiries).where(eq(inquiries.email, email))
  }
  async function outboxFor(...addresses: string[]) {
    const rows = await d().select().from(emailOutbox).orderBy(asc(emailOutbox.createdAt))
    return rows.filter((r) => addresses.includes(r.toAddress))
  }
  async function outboxCount() {
    const [row] = await d().select({ n: sql<number>`count(*)::int` }).from(emailOutbox)
    return row!.n
  }
  async function inquiryCount() {
    const [row] = await d().select({ n: sql<number>`count(*)::int` }).from(inquiries)
    return row!.n
  }
  async function botCount(formName: string, reason: string) {
    const [row] = await d()
      .select({ n: sql<number>`coalesce(sum(${formBotEvents.count}), 0)::int` })
      .from(formBotEvents)
      .where(and(eq(formBotEvents.form, formName), eq(formBotEvents.reason, reason)))
    return row!.n
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

  async function expectRefusedUnchanged<T>(write: () => Promise<T>, expected: unknown) {
    const before = await fingerprint()
    const result = await write()
    expect(result).toEqual(expected)
    expect(await fingerprint()).toEqual(before)
    return result
  }

  /** An inquiry stored through the public action, returned as its row. */
  async function makeInquiry(kind: 'partnership' | 'demo' = 'partnership', over: Record<string, string> = {}) {
    freshIp()
    const fields = kind === 'partnership' ? partnershipFields(over) : demoFields(over)
    const result = kind === 'partnership' ? await submitPartnershipInquiry(form(fields)) : await submitDemoBooking(form(fields))
    expect(result.ok).toBe(true)
    const [row] = await inquiriesFor(fields.email as string)
    return row!
  }

  // ---------------------------------------------------------------------------------------------
  describe('submitPartnershipInquiry', () => {
    it('stores the inquiry as typed and queues the team notification and the confirmation in one go', async () => {
      const fields = partnershipFields({
        company: '  Acme <b>Learning</b> & Co  ',
        email: `  Ada.${runId}@Example.COM `,
        message: 'Line one <script>alert(1)</script>\nLine two',
      })
      const result = await submitPartnershipInquiry(form(fields))
      expect(result).toEqual({ ok: true, data: null, message: partnershipThanks })
      const email = `ada.${runId}@example.com`
      const rows = await inquiriesFor(email)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        kind: 'partnership',
        status: 'new',
        company: 'Acme <b>Learning</b> & Co',
        contactName: 'Ada Lovelace',
        size: '51-200',
        partnershipType: 'hiring',
        message: 'Line one <script>alert(1)</script>\nLine two',
        interests: [],
        preferredDates: [],
        timeZone: null,
        ownerId: null,
        version: 1,
      })

      const mail = await outboxFor(teamEmail(), email)
      const team = mail.find((m) => m.toAddress === teamEmail())!
      const confirmation = mail.find((m) => m.toAddress === email)!
      expect(mail.filter((m) => m.toAddress === email)).toHaveLength(1)
      expect(team).toMatchObject({ kind: 'inquiry-team', subject: 'Partnership inquiry: Acme <b>Learning</b> & Co', status: 'queued' })
      for (const text of ['Acme <b>Learning</b> & Co', `Ada Lovelace <${email}>`, '51–200 people', 'Hiring partner', 'Line one <script>alert(1)</script>', 'Line two', `/admin/inquiries/${rows[0]!.id}`]) {
        expect(team.textBody).toContain(text)
      }
      // Escaped in the HTML: the team's mail client never runs what a visitor typed.
      expect(team.htmlBody).toContain('Acme &lt;b&gt;Learning&lt;/b&gt; &amp; Co')
      expect(team.htmlBody).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(team.htmlBody).not.toContain('<script>')
      expect(confirmation).toMatchObject({ kind: 'inquiry-confirmation', subject: 'We received your partnership inquiry' })
      expect(confirmation.textBody).toContain('within two working days')
      // The confirmation repeats none of the free text (no relaying a stranger's message).
      expect(confirmation.textBody).not.toContain('Acme')
      expect(confirmation.textBody).not.toContain('Line one')
      expect(refreshedTags).toEqual([])
    })

    it('keeps every control character out of the notification subject, while storing the name as typed', async () => {
      const fields = partnershipFields({ company: 'Tab\there\u2028Co\u0007' })
      expect(await submitPartnershipInquiry(form(fields))).toMatchObject({ ok: true })
      const [row] = await inquiriesFor(fields.email as string)
      expect(row!.company).toBe('Tab\there\u2028Co\u0007')
      const team = (await outboxFor(teamEmail())).find((m) => m.textBody.includes(row!.id))!
      expect(team.subject).toBe('Partnership inquiry: Tab here Co')
      const long = partnershipFields({ company: 'L'.repeat(120) })
      expect((await submitPartnershipInquiry(form(long))).ok).toBe(true)
      const [longRow] = await inquiriesFor(long.email as string)
      const longMail = (await outboxFor(teamEmail())).find((m) => m.textBody.includes(longRow!.id))!
      // The longest company name fits the subject whole.
      expect(longMail.subject).toBe(`Partnership inquiry: ${'L'.repeat(120)}`)
    })

    it('accepts any valid address, free mail providers included', async () => {
      const email = `someone.${runId}@gmail.com`
      expect((await submitPartnershipInquiry(form(partnershipFields({ email })))).ok).toBe(true)
      expect(await inquiriesFor(email)).toHaveLength(1)
    })

    it('refuses bad input field by field, and stores nothing', async () => {
      const cases: [Record<string, string>, string, string][] = [
        [{ company: '' }, 'company', 'Enter your company name.'],
        [{ company: 'x'.repeat(121) }, 'company', 'Use at most 120 characters.'],
        [{ company: 'Acme\r\nBcc: victim@example.com' }, 'company', 'Use a single line.'],
        [{ contactName: 'Ada\nLovelace' }, 'contactName', 'Use a single line.'],
        [{ contactName: 'y'.repeat(121) }, 'contactName', 'Use at most 120 characters.'],
        [{ email: 'not-an-email' }, 'email', 'Enter a valid email address, like name@example.com.'],
        [{ email: 'ada@example.com\r\nBcc: victim@example.com' }, 'email', 'Enter a valid email address, like name@example.com.'],
        [{ email: `${'a'.repeat(250)}@example.com` }, 'email', 'Use at most 254 characters.'],
        [{ companySize: '10000000' }, 'companySize', 'Choose the size of your company.'],
        [{ partnershipType: 'reseller' }, 'partnershipType', 'Choose the kind of partnership.'],
        [{ message: 'Hi' }, 'message', 'Enter a short message (at least 10 characters).'],
        [{ message: 'z'.repeat(4001) }, 'message', 'Use at most 4000 characters.'],
        [{ idempotencyKey: 'short' }, 'idempotencyKey', 'Reload the page and try again.'],
      ]
      for (const [over, field, message] of cases) {
        const before = await inquiryCount()
        const result = await submitPartnershipInquiry(form(partnershipFields(over)))
        expect(result, field).toMatchObject({ ok: false, error: corrected })
        if (result.ok) continue
        expect(result.fieldErrors?.[field], JSON.stringify(over).slice(0, 60)).toContain(message)
        expect(await inquiryCount()).toBe(before)
      }
    })

    it('tells a bot (honeypot or too fast) the same thanks, stores nothing and counts it', async () => {
      const honeypotBefore = await botCount('partnership', 'honeypot')
      const fastBefore = await botCount('partnership', 'too-fast')
      const mailBefore = await outboxCount()
      const bots = [partnershipFields({ hp: 'https://spam.example.com' }), partnershipFields({ fillMs: '1200' }), partnershipFields({ fillMs: '3999' })]
      for (const fields of bots) {
        expect(await submitPartnershipInquiry(form(fields))).toEqual({ ok: true, data: null, message: partnershipThanks })
        expect(await inquiriesFor(fields.email as string)).toHaveLength(0)
        const claimed = await d().select().from(formSubmissions).where(eq(formSubmissions.key, fields.idempotencyKey as string))
        expect(claimed).toHaveLength(0)
      }
      expect(await botCount('partnership', 'honeypot')).toBe(honeypotBefore + 1)
      expect(await botCount('partnership', 'too-fast')).toBe(fastBefore + 2)
      expect(await outboxCount()).toBe(mailBefore)
    })

    it('answers a double click or a replayed request with the first answer: one row, one pair of emails', async () => {
      const fields = partnershipFields()
      const first = await submitPartnershipInquiry(form(fields))
      const [second, third] = await Promise.all([submitPartnershipInquiry(form(fields)), submitPartnershipInquiry(form({ ...fields, message: 'A replay with another text in it.' }))])
      expect(second).toEqual(first)
      expect(third).toEqual(first)
      const rows = await inquiriesFor(fields.email as string)
      expect(rows).toHaveLength(1)
      expect(rows[0]!.message).toBe(fields.message)
      expect(await outboxFor(fields.email as string)).toHaveLength(1)
      const teamMail = (await outboxFor(teamEmail())).filter((m) => m.textBody.includes(rows[0]!.id))
      expect(teamMail).toHaveLength(1)
    })

    it('lets a person correct a refused form and send it again with the same key', async () => {
      const fields = partnershipFields({ message: 'short' })
      expect((await submitPartnershipInquiry(form(fields))).ok).toBe(false)
      expect((await submitPartnershipInquiry(form({ ...fields, message: 'Now a long enough message.' }))).ok).toBe(true)
      expect(await inquiriesFor(fields.email as string)).toHaveLength(1)
    })

    it('limits submits per IP address (10 an hour) with a "try again in N minutes" message', async () => {
      const ip = freshIp()
      for (let i = 0; i < 10; i++) expect((await submitPartnershipInquiry(form(partnershipFields()))).ok).toBe(true)
      const blocked = partnershipFields()
      const result = await submitPartnershipInquiry(form(blocked))
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts\. Please try again in (\d+) minutes?\.$/), retryAfterSeconds: expect.any(Number) })
      if (!result.ok) expect(result.retryAfterSeconds!).toBeGreaterThan(55 * 60)
      expect(await inquiriesFor(blocked.email as string)).toHaveLength(0)
      // Another address is not affected.
      freshIp()
      expect((await submitPartnershipInquiry(form(partnershipFields()))).ok).toBe(true)
      expect(request.ip).not.toBe(ip)
    })

    it('limits submits per email address (3 an hour), whatever the IP', async () => {
      const email = uniqueEmail('busy')
      for (let i = 0; i < 3; i++) {
        freshIp()
        expect((await submitPartnershipInquiry(form(partnershipFields({ email })))).ok).toBe(true)
      }
      freshIp()
      const result = await submitPartnershipInquiry(form(partnershipFields({ email })))
      expect(result).toMatchObject({ ok: false, error: 'Too many attempts. Please try again in 60 minutes.' })
      expect(await inquiriesFor(email)).toHaveLength(3)
      // The demo form has its own counters.
      expect((await submitDemoBooking(form(demoFields({ email })))).ok).toBe(true)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('submitDemoBooking', () => {
    it('stores the booking with interests, sorted unique dates and the time zone, and queues both emails', async () => {
      const options = await listDemoInterestOptions()
      expect(options.roles.length).toBeGreaterThan(3)
      expect(options.programs.length).toBeGreaterThan(3)
      const interests = [options.roles[0]!, options.programs[1]!, options.roles[0]!]
      const fields = demoFields({ interests, preferredDates: [day(20), day(5), day(20)], timeZone: 'Pacific/Auckland' })
      expect(await submitDemoBooking(form(fields))).toEqual({ ok: true, data: null, message: demoThanks })
      const [row] = await inquiriesFor(fields.email as string)
      expect(row).toMatchObject({
        kind: 'demo',
        status: 'new',
        company: 'Globex',
        contactName: 'Grace Hopper',
        size: '21-50',
        partnershipType: null,
        message: '',
        interests: [options.roles[0], options.programs[1]],
        preferredDates: [day(5), day(20)],
        timeZone: 'Pacific/Auckland',
      })
      const team = (await outboxFor(teamEmail())).find((m) => m.textBody.includes(row!.id))!
      expect(team.subject).toBe('Demo booking: Globex')
      for (const text of ['Globex', 'Grace Hopper', '21–50 people', options.roles[0]!, options.programs[1]!, 'Pacific/Auckland']) expect(team.textBody).toContain(text)
      const [confirmation] = await outboxFor(fields.email as string)
      expect(confirmation).toMatchObject({ kind: 'inquiry-confirmation', subject: 'We received your demo booking' })
      expect(confirmation!.textBody).toContain('Pacific/Auckland')
    })

    it('accepts UTC and the dates that are today and a year from today in the chosen zone', async () => {
      for (const timeZone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        const today = todayIn(timeZone)
        const fields = demoFields({ timeZone, preferredDates: [today, aYearAfter(today)] })
        expect((await submitDemoBooking(form(fields))).ok, timeZone).toBe(true)
        freshIp()
      }
    })

    it('refuses bad input field by field, and stores nothing', async () => {
      const cases: [Record<string, string | string[]>, string, string][] = [
        [{ company: 'Globex\nInc' }, 'company', 'Use a single line.'],
        [{ contactName: '' }, 'contactName', 'Enter your name.'],
        [{ email: 'grace@' }, 'email', 'Enter a valid email address, like name@example.com.'],
        [{ teamSize: 'huge' }, 'teamSize', 'Choose the size of your team.'],
        [{ preferredDates: [day(-2)] }, 'preferredDates.0', 'Choose today or a later date.'],
        [{ preferredDates: [day(4), day(400)] }, 'preferredDates.1', 'Choose a date within the next year.'],
        [{ preferredDates: ['2030-02-30'] }, 'preferredDates.0', 'Enter a date like 2030-01-31.'],
        [{ preferredDates: ['', ''] }, 'preferredDates.0', 'Choose at least one date that suits you.'],
        [{ preferredDates: [day(1), day(2), day(3), day(4)] }, 'preferredDates', 'Choose at most 3 dates.'],
        [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'Choose a time zone from the list.'],
        [{ timeZone: 'Europe/Berlin\r\nX: y' }, 'timeZone', 'Choose a time zone from the list.'],
        [{ interests: ['Data Analyst\nBcc: x@example.com'] }, 'interests.0', 'Choose from the list.'],
        [{ interests: Array.from({ length: 31 }, (_, i) => `Interest ${i}`) }, 'interests', 'Choose at most 30.'],
        [{ interests: ['A role that does not exist'] }, 'interests', 'Some of these are no longer offered. Reload the page and choose again.'],
      ]
      for (const [over, field, message] of cases) {
        const before = await inquiryCount()
        const mail = await outboxCount()
        const result = await submitDemoBooking(form(demoFields(over)))
        expect(result, field).toMatchObject({ ok: false, error: corrected })
        if (result.ok) continue
        expect(result.fieldErrors?.[field], `${field}: ${JSON.stringify(result.fieldErrors)}`).toContain(message)
        expect(await inquiryCount()).toBe(before)
        expect(await outboxCount()).toBe(mail)
      }
      // Errors in several fields come back together, dates included.
      const many = await submitDemoBooking(form(demoFields({ company: '', preferredDates: [day(-5)], timeZone: 'Nowhere/Else' })))
      expect(many.ok).toBe(false)
      if (!many.ok) expect(Object.keys(many.fieldErrors ?? {}).sort()).toEqual(['company', 'preferredDates.0', 'timeZone'])
    })

    it('tells a bot the same thanks, stores nothing and counts it', async () => {
      const before = await botCount('demo', 'too-fast')
      const hpBefore = await botCount('demo', 'honeypot')
      const fast = demoFields({ fillMs: '800' })
      expect(await submitDemoBooking(form(fast))).toEqual({ ok: true, data: null, message: demoThanks })
      const trapped = demoFields({ hp: 'filled' })
      expect(await submitDemoBooking(form(trapped))).toEqual({ ok: true, data: null, message: demoThanks })
      expect(await inquiriesFor(fast.email as string)).toHaveLength(0)
      expect(await inquiriesFor(trapped.email as string)).toHaveLength(0)
      expect(await outboxFor(fast.email as string, trapped.email as string)).toHaveLength(0)
      expect(await botCount('demo', 'too-fast')).toBe(before + 1)
      expect(await botCount('demo', 'honeypot')).toBe(hpBefore + 1)
    })

    it('is idempotent: a replay gets the first answer, one row and one pair of emails', async () => {
      const fields = demoFields()
      const first = await submitDemoBooking(form(fields))
      expect(first.ok).toBe(true)
      expect(await submitDemoBooking(form(fields))).toEqual(first)
      const rows = await inquiriesFor(fields.email as string)
      expect(rows).toHaveLength(1)
      expect(await outboxFor(fields.email as string)).toHaveLength(1)
      expect((await outboxFor(teamEmail())).filter((m) => m.textBody.includes(rows[0]!.id))).toHaveLength(1)
    })

    it('limits submits per IP address and per email address', async () => {
      freshIp()
      for (let i = 0; i < 10; i++) expect((await submitDemoBooking(form(demoFields()))).ok).toBe(true)
      expect(await submitDemoBooking(form(demoFields()))).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts\. Please try again in \d+ minutes?\.$/) })
      const email = uniqueEmail('demo-busy')
      for (let i = 0; i < 3; i++) {
        freshIp()
        expect((await submitDemoBooking(form(demoFields({ email })))).ok).toBe(true)
      }
      freshIp()
      expect(await submitDemoBooking(form(demoFields({ email })))).toMatchObject({ ok: false, error: 'Too many attempts. Please try again in 60 minutes.', retryAfterSeconds: expect.any(Number) })
      expect(await inquiriesFor(email)).toHaveLength(3)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('the admin inbox', () => {
    it('lists both kinds for admins with filters, search, status counts and paging', async () => {
      const tag = `Inbox${runId}`
      const p = await makeInquiry('partnership', { company: `${tag} Partner Co` })
      const dm = await makeInquiry('demo', { company: `${tag} Demo Co`, contactName: 'Unique Contactname' })
      await signInAs(people.admin)
      const all = await listInquiries(inquiryListQuerySchema.parse({ q: tag }))
      expect(all.rows.map((r) => r.id).sort()).toEqual([p.id, dm.id].sort())
      expect(all.counts).toEqual({ new: 2, contacted: 0, closed: 0 })
      expect(Object.keys(all.rows[0]!).sort()).toEqual(['company', 'contactName', 'createdAt', 'email', 'id', 'kind', 'owner', 'status'])
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: tag, kind: 'demo' }))).rows.map((r) => r.id)).toEqual([dm.id])
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: 'unique contactname' }))).rows.map((r) => r.id)).toEqual([dm.id])
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: p.email }))).rows.map((r) => r.id)).toEqual([p.id])
      // A LIKE wildcard is searched for as itself.
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: '%' }))).total).toBe(0)

      const assigned = await assignInquiry({ id: p.id, version: 1, ownerId: people.admin.id })
      expect(assigned).toEqual({ ok: true, data: { version: 2 }, message: 'Assigned to you.' })
      expect(await setInquiryStatus({ id: p.id, version: 2, status: 'contacted' })).toMatchObject({ ok: true, data: { version: 3 } })
      const mine = await listInquiries(inquiryListQuerySchema.parse({ q: tag, owner: 'mine' }))
      expect(mine.rows.map((r) => r.id)).toEqual([p.id])
      expect(mine.rows[0]!.owner).toEqual({ id: people.admin.id, name: people.admin.name })
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: tag, owner: 'unassigned' }))).rows.map((r) => r.id)).toEqual([dm.id])
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: tag, owner: people.admin2.id }))).rows).toEqual([])
      const contacted = await listInquiries(inquiryListQuerySchema.parse({ q: tag, status: 'contacted' }))
      expect(contacted.rows.map((r) => r.id)).toEqual([p.id])
      expect(contacted.counts).toEqual({ new: 1, contacted: 1, closed: 0 })
      expect(contacted.total).toBe(1)

      const today = new Date().toISOString().slice(0, 10)
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: tag, from: today, to: today }))).total).toBe(2)
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: tag, to: day(-1) }))).total).toBe(0)
      expect((await listInquiries(inquiryListQuerySchema.parse({ q: tag, from: day(1) }))).total).toBe(0)
      // Malformed filters are ignored, not refused.
      expect(inquiryListQuerySchema.parse({ kind: 'spam', status: 'open', owner: 'someone', from: 'yesterday', page: '-3' })).toEqual({ q: '', page: 1 })

      const page2 = await listInquiries(inquiryListQuerySchema.parse({ page: '2' }))
      const page1 = await listInquiries(inquiryListQuerySchema.parse({}))
      expect(page1.total).toBeGreaterThan(25)
      expect(page1.rows).toHaveLength(25)
      expect(page2.page).toBe(2)
      expect(page2.rows[0]!.id).not.toBe(page1.rows[0]!.id)
      expect((await listInquiries(inquiryListQuerySchema.parse({ page: '999' }))).page).toBe(page1.pageCount)
    })

    it('shows every field of one inquiry, its notes and the possible owners (active admins)', async () => {
      const options = await listDemoInterestOptions()
      const dm = await makeInquiry('demo', {})
      await d().update(inquiries).set({ interests: [options.roles[1]!] }).where(eq(inquiries.id, dm.id))
      await signInAs(people.admin)
      expect(await addInquiryNote({ id: dm.id, version: 1, body: 'Called them <b>today</b>.' })).toMatchObject({ ok: true, data: { version: 2 } })
      const detail = await getInquiryForAdmin(dm.id)
      expect(detail).toMatchObject({
        id: dm.id,
        kind: 'demo',
        status: 'new',
        company: 'Globex',
        contactName: 'Grace Hopper',
        email: dm.email,
        size: '21-50',
        sizeLabel: '21–50 people',
        partnershipType: null,
        interests: [options.roles[1]],
        preferredDates: dm.preferredDates,
        timeZone: 'Europe/Berlin',
        version: 2,
        owner: null,
      })
      expect(detail!.notes).toEqual([{ id: expect.any(String), body: 'Called them <b>today</b>.', author: people.admin.name, createdAt: expect.any(String) }])
      expect(await getInquiryForAdmin('not-a-uuid')).toBeNull()
      expect(await getInquiryForAdmin('00000000-0000-4000-8000-000000000000')).toBeNull()
      const owners = await listInquiryOwners()
      expect(owners.map((o) => o.id)).toEqual(expect.arrayContaining([people.admin.id, people.admin2.id]))
      expect(owners.map((o) => o.id)).not.toContain(people.editor.id)
    })

    it('refuses the inbox, the detail and the export to editors, candidates, trainers and anonymous visitors', async () => {
      const q = inquiryListQuerySchema.parse({})
      await expect(listInquiries(q)).rejects.toBeInstanceOf(UnauthenticatedError)
      await expect(exportInquiriesCsv(q)).rejects.toBeInstanceOf(UnauthenticatedError)
      for (const who of [people.editor, people.candidate, people.trainer]) {
        await signInAs(who)
        await expect(listInquiries(q)).rejects.toBeInstanceOf(ForbiddenError)
        await expect(getInquiryForAdmin('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(ForbiddenError)
        await expect(listInquiryOwners()).rejects.toBeInstanceOf(ForbiddenError)
        await expect(exportInquiriesCsv(q)).rejects.toBeInstanceOf(ForbiddenError)
      }
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('admin changes', () => {
    async function auditRows(entityId: string) {
      return d().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id))
    }

    it('lets an admin set the status, assign an owner and add notes, each with its audit row', async () => {
      const row = await makeInquiry()
      await signInAs(people.admin)
      request.ip = '203.0.113.44'
      expect(await setInquiryStatus({ id: row.id, version: 1, status: 'contacted' })).toEqual({ ok: true, data: { version: 2 }, message: 'Marked as contacted.' })
      expect(await assignInquiry({ id: row.id, version: 2, ownerId: people.admin2.id })).toEqual({ ok: true, data: { version: 3 }, message: `Assigned to ${people.admin2.name}.` })
      const note = await addInquiryNote({ id: row.id, version: '3', body: '  Sent the deck.  ' })
      expect(note).toEqual({ ok: true, data: { version: 4, noteId: expect.any(String) }, message: 'Note added.' })
      expect(await setInquiryStatus({ id: row.id, version: 4, status: 'closed' })).toMatchObject({ ok: true, data: { version: 5 } })
      expect(await assignInquiry({ id: row.id, version: 5, ownerId: '' })).toEqual({ ok: true, data: { version: 6 }, message: 'The inquiry is now unassigned.' })

      const [after] = await d().select().from(inquiries).where(eq(inquiries.id, row.id))
      expect(after).toMatchObject({ status: 'closed', ownerId: null, version: 6 })
      const notes = await d().select().from(inquiryNotes).where(eq(inquiryNotes.inquiryId, row.id))
      expect(notes).toMatchObject([{ body: 'Sent the deck.', authorId: people.admin.id }])
      const audit = await auditRows(row.id)
      expect(audit.map((a) => [a.action, a.actorId, a.ip])).toEqual([
        ['inquiry.status', people.admin.id, '203.0.113.44'],
        ['inquiry.assign', people.admin.id, '203.0.113.44'],
        ['inquiry.note', people.admin.id, '203.0.113.44'],
        ['inquiry.status', people.admin.id, '203.0.113.44'],
        ['inquiry.assign', people.admin.id, '203.0.113.44'],
      ])
      expect(audit[0]).toMatchObject({ entityType: 'inquiry', before: { status: 'new' }, after: { status: 'contacted' } })
      expect(audit[1]).toMatchObject({ before: { ownerId: null }, after: { ownerId: people.admin2.id } })
    })

    it('refuses editors, candidates, trainers and anonymous visitors, changing nothing', async () => {
      const row = await makeInquiry()
      const writes = [
        () => setInquiryStatus({ id: row.id, version: 1, status: 'contacted' }),
        () => assignInquiry({ id: row.id, version: 1, ownerId: people.admin.id }),
        () => addInquiryNote({ id: row.id, version: 1, body: 'Not mine to write.' }),
      ]
      for (const write of writes) await expectRefusedUnchanged(write, signInRequired)
      for (const who of [people.editor, people.candidate, people.trainer]) {
        await signInAs(who)
        for (const write of writes) await expectRefusedUnchanged(write, forbidden)
      }
    })

    it('refuses a change made from an old version, an unknown inquiry, a non-admin owner and bad input', async () => {
      const row = await makeInquiry()
      await signInAs(people.admin)
      expect((await setInquiryStatus({ id: row.id, version: 1, status: 'contacted' })).ok).toBe(true)
      // Someone else's page still shows version 1.
      await expectRefusedUnchanged(() => setInquiryStatus({ id: row.id, version: 1, status: 'closed' }), { ok: false, error: inquiryConflictMessage })
      await expectRefusedUnchanged(() => assignInquiry({ id: row.id, version: 1, ownerId: people.admin.id }), { ok: false, error: inquiryConflictMessage })
      await expectRefusedUnchanged(() => addInquiryNote({ id: row.id, version: 1, body: 'Stale note' }), { ok: false, error: inquiryConflictMessage })
      const unknown = '00000000-0000-4000-8000-000000000000'
      await expectRefusedUnchanged(() => setInquiryStatus({ id: unknown, version: 1, status: 'closed' }), { ok: false, error: 'This inquiry no longer exists. Reload the page.' })
      await expectRefusedUnchanged(() => addInquiryNote({ id: unknown, version: 1, body: 'Hello' }), { ok: false, error: 'This inquiry no longer exists. Reload the page.' })
      await expectRefusedUnchanged(() => assignInquiry({ id: row.id, version: 2, ownerId: people.editor.id }), {
        ok: false,
        error: corrected,
        fieldErrors: { ownerId: ['Choose an admin from the list.'] },
      })
      await expectRefusedUnchanged(() => setInquiryStatus({ id: row.id, version: 2, status: 'contacted' }), { ok: false, error: 'This inquiry is already contacted.' })
      await expectRefusedUnchanged(() => setInquiryStatus({ id: row.id, version: 2, status: 'archived' }), { ok: false, error: corrected, fieldErrors: { status: ['Choose a status.'] } })
      await expectRefusedUnchanged(() => setInquiryStatus({ id: 'nope', version: 2, status: 'closed' }), { ok: false, error: corrected, fieldErrors: { id: ['Unknown inquiry.'] } })
      await expectRefusedUnchanged(() => addInquiryNote({ id: row.id, version: 2, body: '   ' }), { ok: false, error: corrected, fieldErrors: { body: ['Write the note first.'] } })
      const long = await addInquiryNote({ id: row.id, version: 2, body: 'n'.repeat(4001) })
      expect(long).toMatchObject({ ok: false, fieldErrors: { body: ['Use at most 4000 characters.'] } })
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('CSV export', () => {
    it('neutralizes cells a spreadsheet would run as formulas, and keeps the filters', async () => {
      const formula = await makeInquiry('partnership', { company: "=cmd|' /C calc'!A0", message: '+SUM(A1:A9) is not a formula here' })
      const at = await makeInquiry('demo', { company: '@SUM(1)', contactName: '-Minus Person' })
      await signInAs(people.admin)
      const csv = await exportInquiriesCsv(inquiryListQuerySchema.parse({ q: '' }))
      expect(csv.startsWith('\uFEFFReceived (UTC),Kind,Status,Company,')).toBe(true)
      const lines = csv.split('\r\n')
      const formulaLine = lines.find((l) => l.includes(formula.id))!
      expect(formulaLine).toContain(",'=cmd|' /C calc'!A0,")
      expect(formulaLine).toContain("'+SUM(A1:A9) is not a formula here")
      const atLine = lines.find((l) => l.includes(at.id))!
      expect(atLine).toContain(",'@SUM(1),'-Minus Person,")
      // No cell starts with a formula character.
      for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|,)[=+\-@]/)

      const demosOnly = await exportInquiriesCsv(inquiryListQuerySchema.parse({ kind: 'demo' }))
      expect(demosOnly).toContain(at.id)
      expect(demosOnly).not.toContain(formula.id)
    })

    it('is served by the export route to admins only, as a no-store attachment', async () => {
      const row = await makeInquiry('partnership', { company: `Export Route ${runId}` })
      const url = `http://localhost/api/admin/inquiries/export?kind=partnership&q=${encodeURIComponent(`Export Route ${runId}`)}`
      const anonymous = await exportRoute(new Request(url))
      expect(anonymous.status).toBe(401)
      await signInAs(people.editor)
      const editor = await exportRoute(new Request(url))
      expect(editor.status).toBe(403)
      expect(await editor.text()).not.toContain('Export Route')
      await signInAs(people.admin)
      const response = await exportRoute(new Request(url))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="skillsu-inquiries-\d{4}-\d{2}-\d{2}\.csv"$/)
      expect(response.headers.get('cache-control')).toBe('no-store')
      const body = await response.text()
      expect(body).toContain(row.id)
      expect(body.split('\r\n').filter(Boolean)).toHaveLength(2)
    })
  })
})
