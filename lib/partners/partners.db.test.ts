import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import sharp from 'sharp'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

// Only the cookie's claims are faked; getCurrentUser's checks on them (and requireRole) run for real.
vi.mock('@/lib/auth/session-source', () => ({ readSessionClaims: vi.fn() }))
vi.mock('next/headers', async () => (await import('@/test/session')).nextHeadersMock)

// The audit row can be made to fail once, to show that the write it records is rolled back with it.
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

import { queryRows, type Database } from '@/db'
import { auditLog, media, partners, users, type UserRole } from '@/db/schema'
import { seed } from '@/db/seed'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { describeEachEngine } from '@/test/db'
import { refreshedTags } from '@/test/next-cache-stub'
import { request, signInAs, signOut } from '@/test/session'
import { createPartner, deletePartnerForever, movePartner, restorePartner, setPartnerVisibility, trashPartner, updatePartner } from './actions'
import { countPartnersInTrash, getPartnerForEdit, listPartnersForAdmin } from './admin-data'
import { listVisiblePartners } from './data'
import { logoMessages, partnerConflictMessage } from './schema'

const signInRequired = { ok: false, error: 'Please sign in to continue.', code: 'unauthenticated' }
const forbidden = { ok: false, error: 'You do not have permission to do that.', code: 'forbidden' }
const somethingWrong = { ok: false, error: 'Something went wrong on our side. Nothing was changed; please try again.' }

const runId = Math.random().toString(36).slice(2, 7)
let counter = 0
const unique = (label: string) => `${label} ${runId}-${++counter}`

const pngFile = async (width = 240, height = 120, name = 'logo.png') =>
  new File([new Uint8Array(await sharp({ create: { width, height, channels: 4, background: { r: 200, g: 30, b: 60, alpha: 1 } } }).png().toBuffer())], name, { type: 'image/png' })

function partnerForm(fields: { name?: string; websiteUrl?: string; visible?: boolean | string; logo?: File; id?: string; version?: number | string } & Record<string, unknown>) {
  const f = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    if (value instanceof File) f.append(key, value)
    else f.append(key, typeof value === 'boolean' ? (value ? 'true' : '') : String(value))
  }
  return f
}

describeEachEngine('partners admin', ({ handle }) => {
  const d = (): Database => handle().db
  const people = {} as Record<'admin' | 'editor' | 'candidate' | 'trainer', { id: string }>

  beforeAll(async () => {
    await seed(d(), { adminPassword: 'correct horse battery staple' })
    const [admin] = await d().select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.com'))
    people.admin = admin!
    for (const role of ['editor', 'candidate', 'trainer'] as const satisfies UserRole[]) {
      const [row] = await d()
        .insert(users)
        .values({ email: `${role}-${runId}@example.com`, name: `Pat ${role}`, role })
        .returning({ id: users.id })
      people[role] = row!
    }
  })

  beforeEach(() => {
    signOut()
    refreshedTags.length = 0
    audit.failNext = false
    request.ip = '203.0.113.7'
  })

  /** The next audit write throws (handleAction logs it; the log is silenced here). */
  function failAuditOnce() {
    audit.failNext = true
    vi.spyOn(console, 'error').mockImplementationOnce(() => {})
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

  /** Runs a write that must be refused, and checks that nothing at all changed and no tag was refreshed. */
  async function expectRefusedUnchanged<T>(write: () => Promise<T>, expected: unknown) {
    const before = await fingerprint()
    const result = await write()
    expect(result).toEqual(expected)
    expect(await fingerprint()).toEqual(before)
    expect(refreshedTags).toEqual([])
    return result
  }

  async function partnerRow(id: string) {
    const [row] = await d().select().from(partners).where(eq(partners.id, id))
    return row
  }

  async function mediaCount() {
    const [row] = await d().select({ n: sql<number>`count(*)::int` }).from(media)
    return row!.n
  }

  async function auditRows(entityId: string) {
    return d().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.id))
  }

  /** A partner inserted directly (no action), at the end of the list. */
  async function makePartner(over: Partial<typeof partners.$inferInsert> = {}) {
    const name = over.name ?? unique('Fixture Co')
    const [last] = await d().select({ n: sql<number>`coalesce(max(${partners.displayOrder}), -1)::int` }).from(partners)
    const [row] = await d()
      .insert(partners)
      .values({ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, websiteUrl: 'https://fixture.example.com', displayOrder: last!.n + 1, ...over })
      .returning()
    return row!
  }

  /** The active list's ids in display order, as the admin and the public see it. */
  async function orderedIds() {
    const rows = await d().select({ id: partners.id }).from(partners).where(isNull(partners.deletedAt)).orderBy(asc(partners.displayOrder), asc(partners.name))
    return rows.map((r) => r.id)
  }

  // ---------------------------------------------------------------------------------------------
  describe('reads', () => {
    it('lists partners for editors and admins, in display order, with logos', async () => {
      for (const who of [people.editor, people.admin]) {
        await signInAs(who)
        const rows = await listPartnersForAdmin()
        expect(rows.length).toBeGreaterThanOrEqual(9)
        expect(rows.map((r) => r.id)).toEqual(await orderedIds())
        const accenture = rows.find((r) => r.name === 'Accenture')!
        expect(accenture).toMatchObject({ websiteUrl: 'https://www.accenture.com', visible: true, deletedAt: null })
        expect(accenture.logo).toMatchObject({ src: expect.stringMatching(/^\/media\/[0-9a-f-]{36}$/), height: 96, alt: 'Accenture logo' })
        // A minimal DTO: nothing else leaves the data layer.
        expect(Object.keys(accenture).sort()).toEqual(['deletedAt', 'id', 'logo', 'name', 'version', 'visible', 'websiteUrl'])
        const edit = await getPartnerForEdit(accenture.id)
        expect(edit).toMatchObject({ id: accenture.id, name: 'Accenture', websiteUrl: 'https://www.accenture.com', visible: true, trashed: false })
        expect(await getPartnerForEdit('not-a-uuid')).toBeNull()
        expect(await getPartnerForEdit('00000000-0000-4000-8000-000000000000')).toBeNull()
      }
    })

    it('refuses the lists to anonymous visitors, candidates and trainers', async () => {
      await expect(listPartnersForAdmin()).rejects.toBeInstanceOf(UnauthenticatedError)
      await expect(getPartnerForEdit('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(UnauthenticatedError)
      for (const who of [people.candidate, people.trainer]) {
        await signInAs(who)
        await expect(listPartnersForAdmin('trash')).rejects.toBeInstanceOf(ForbiddenError)
        await expect(countPartnersInTrash()).rejects.toBeInstanceOf(ForbiddenError)
        await expect(getPartnerForEdit('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(ForbiddenError)
      }
    })

    it('refuses a session from before the user was demoted (the role is read from the database)', async () => {
      const [row] = await d().insert(users).values({ email: `demoted-${runId}@example.com`, name: 'Demoted', role: 'editor' }).returning({ id: users.id })
      await signInAs(row!)
      await expect(listPartnersForAdmin()).resolves.toBeInstanceOf(Array)
      await d().update(users).set({ role: 'candidate' }).where(eq(users.id, row!.id))
      await expect(listPartnersForAdmin()).rejects.toBeInstanceOf(ForbiddenError)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('createPartner', () => {
    it('lets an editor add a partner with a logo: one partner, exactly one WebP media row, one audit row', async () => {
      await signInAs(people.editor)
      const name = unique('Zephyr Labs')
      const mediaBefore = await mediaCount()
      const result = await createPartner(partnerForm({ name: `  ${name} `, websiteUrl: 'https://zephyr.example.com', visible: true, logo: await pngFile(240, 120) }))
      expect(result).toEqual({ ok: true, data: { id: expect.any(String) }, message: `${name} was added.` })
      if (!result.ok) return
      expect(refreshedTags).toEqual(['partners'])

      const row = await partnerRow(result.data.id)
      expect(row).toMatchObject({ name, websiteUrl: 'https://zephyr.example.com', visible: true, version: 1, deletedAt: null })
      expect(row!.slug).toMatch(/^zephyr-labs-/)
      expect(await mediaCount()).toBe(mediaBefore + 1)
      const [file] = await d().select().from(media).where(eq(media.id, row!.logoMediaId!))
      expect(file).toMatchObject({ mimeType: 'image/webp', width: 192, height: 96, altText: `${name} logo`, createdBy: people.editor.id })
      expect(file!.byteSize).toBe(file!.bytes.byteLength)
      expect(file!.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect((await sharp(Buffer.from(file!.bytes)).metadata()).format).toBe('webp')
      // At the end of the list.
      expect((await orderedIds()).at(-1)).toBe(row!.id)

      const rows = await auditRows(row!.id)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ actorId: people.editor.id, action: 'partner.create', entityType: 'partner', ip: '203.0.113.7' })
      expect(rows[0]!.after).toMatchObject({ name, websiteUrl: 'https://zephyr.example.com', visible: true, logoMediaId: row!.logoMediaId })

      // The public strip shows it with its logo.
      const strip = await listVisiblePartners()
      expect(strip.find((p) => p.name === name)).toEqual({
        name,
        websiteUrl: 'https://zephyr.example.com',
        logo: { src: `/media/${row!.logoMediaId}`, width: 192, height: 96, alt: `${name} logo` },
      })
    })

    it('lets an admin add a hidden partner without a logo or website', async () => {
      await signInAs(people.admin)
      const name = unique('Quiet Partner')
      const mediaBefore = await mediaCount()
      const result = await createPartner(partnerForm({ name, websiteUrl: '', visible: '', logo: new File([], '', { type: 'application/octet-stream' }) }))
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(await partnerRow(result.data.id)).toMatchObject({ name, websiteUrl: null, visible: false, logoMediaId: null })
      expect(await mediaCount()).toBe(mediaBefore)
      expect((await listVisiblePartners()).map((p) => p.name)).not.toContain(name)
      expect(refreshedTags).toEqual(['partners'])
    })

    it('gives a second partner with the same name its own slug', async () => {
      await signInAs(people.editor)
      const name = unique('Twin')
      const a = await createPartner(partnerForm({ name, visible: true }))
      const b = await createPartner(partnerForm({ name, visible: true }))
      expect(a.ok && b.ok).toBe(true)
      if (!a.ok || !b.ok) return
      const slugA = (await partnerRow(a.data.id))!.slug
      expect((await partnerRow(b.data.id))!.slug).toBe(`${slugA}-2`)
    })

    it('refuses anonymous visitors, candidates and trainers with the database unchanged', async () => {
      const form = async () => partnerForm({ name: unique('Intruder'), websiteUrl: 'https://x.example.com', visible: true, logo: await pngFile() })
      const f1 = await form()
      await expectRefusedUnchanged(() => createPartner(f1), signInRequired)
      for (const who of [people.candidate, people.trainer]) {
        await signInAs(who)
        const f = await form()
        await expectRefusedUnchanged(() => createPartner(f), forbidden)
      }
    })

    it('answers bad input by the field and stores nothing', async () => {
      await signInAs(people.editor)
      const result = await expectRefusedUnchanged(() => createPartner(partnerForm({ name: '  ', websiteUrl: 'http://insecure.example.com', visible: 'maybe' })), {
        ok: false,
        error: 'Please correct the highlighted fields.',
        fieldErrors: { name: ['Enter the partner name'], websiteUrl: [expect.stringContaining('https://')], visible: [expect.any(String)] },
      })
      expect(result.ok).toBe(false)
      for (const websiteUrl of ['javascript:alert(1)', 'https://localhost', 'www.example.com']) {
        await expectRefusedUnchanged(() => createPartner(partnerForm({ name: 'Fine', websiteUrl, visible: true })), expect.objectContaining({ fieldErrors: { websiteUrl: [expect.any(String)] } }))
      }
      await expectRefusedUnchanged(() => createPartner(partnerForm({ name: 'x'.repeat(101), visible: true })), expect.objectContaining({ fieldErrors: { name: ['Use at most 100 characters'] } }))
      await expectRefusedUnchanged(() => createPartner(partnerForm({ name: 'Fine', logo: 'not a file' as unknown as File })), expect.objectContaining({ fieldErrors: { logo: [logoMessages.type] } }))
    })

    it('refuses unsafe or broken uploads by the logo field and stores neither a partner nor a media row', async () => {
      await signInAs(people.editor)
      const jpeg = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#123456' } }).jpeg().toBuffer()
      const cases: [File, string][] = [
        [new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'logo.svg', { type: 'image/svg+xml' }), logoMessages.type],
        [new File(['<!doctype html><script>alert(1)</script>'], 'logo.png', { type: 'image/png' }), logoMessages.type],
        [new File([new Uint8Array(jpeg.subarray(0, jpeg.length / 2))], 'cut.jpg', { type: 'image/jpeg' }), logoMessages.damaged],
        [new File([new Uint8Array(3 * 1024 * 1024)], 'big.png', { type: 'image/png' }), logoMessages.size],
      ]
      for (const [logo, message] of cases) {
        await expectRefusedUnchanged(() => createPartner(partnerForm({ name: unique('Refused'), visible: true, logo })), {
          ok: false,
          error: 'Please correct the highlighted fields.',
          fieldErrors: { logo: [message] },
        })
      }
    })

    it('never writes fields that are not in the form', async () => {
      await signInAs(people.editor)
      const name = unique('Sneaky')
      const result = await createPartner(partnerForm({ name, visible: true, displayOrder: -100, deletedAt: '2020-01-01', slug: 'accenture', version: 99, logoMediaId: '00000000-0000-4000-8000-000000000000', id: '00000000-0000-4000-8000-000000000001' }))
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const row = await partnerRow(result.data.id)
      expect(row).toMatchObject({ name, version: 1, deletedAt: null, logoMediaId: null })
      expect(row!.id).not.toBe('00000000-0000-4000-8000-000000000001')
      expect(row!.slug).not.toBe('accenture')
      expect(row!.displayOrder).toBeGreaterThan(0)
    })

    it('writes the partner, its logo and its audit row in one transaction', async () => {
      await signInAs(people.editor)
      const name = unique('Rolled Back')
      failAuditOnce()
      await expectRefusedUnchanged(async () => createPartner(partnerForm({ name, visible: true, logo: await pngFile() })), somethingWrong)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('updatePartner', () => {
    it('saves the form from the current version, bumps it and audits before and after', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      const name = unique('Renamed Co')
      const result = await updatePartner(partnerForm({ id: p.id, version: 1, name, websiteUrl: 'https://renamed.example.com', visible: '' }))
      expect(result).toEqual({ ok: true, data: { id: p.id, version: 2 }, message: `${name} was saved.` })
      expect(await partnerRow(p.id)).toMatchObject({ name, websiteUrl: 'https://renamed.example.com', visible: false, version: 2, displayOrder: p.displayOrder, slug: p.slug })
      expect(refreshedTags).toEqual(['partners'])
      const [row] = await auditRows(p.id)
      expect(row).toMatchObject({ actorId: people.editor.id, action: 'partner.update', entityType: 'partner', ip: '203.0.113.7' })
      expect(row!.before).toMatchObject({ name: p.name, visible: true, version: 1 })
      expect(row!.after).toMatchObject({ name, visible: false, version: 2 })
    })

    it('replaces the logo: exactly one new media row, the old file removed, the alt text follows the name', async () => {
      const [accenture] = await d().select().from(partners).where(eq(partners.slug, 'accenture'))
      const oldLogo = accenture!.logoMediaId!
      await signInAs(people.admin)
      const count = await mediaCount()
      const result = await updatePartner(partnerForm({ id: accenture!.id, version: accenture!.version, name: 'Accenture', websiteUrl: accenture!.websiteUrl ?? '', visible: true, logo: await pngFile(960, 96, 'wide.png') }))
      expect(result.ok).toBe(true)
      const row = await partnerRow(accenture!.id)
      expect(row!.logoMediaId).not.toBe(oldLogo)
      expect(await mediaCount()).toBe(count) // one added, one removed
      expect(await d().select({ id: media.id }).from(media).where(eq(media.id, oldLogo))).toEqual([])
      const [file] = await d().select().from(media).where(eq(media.id, row!.logoMediaId!))
      expect(file).toMatchObject({ mimeType: 'image/webp', width: 480, height: 48, altText: 'Accenture logo', createdBy: people.admin.id })

      // A rename keeps the file and updates its alt text.
      const renamed = await updatePartner(partnerForm({ id: accenture!.id, version: row!.version, name: 'Accenture plc', websiteUrl: 'https://www.accenture.com', visible: true }))
      expect(renamed.ok).toBe(true)
      const [same] = await d().select({ id: media.id, alt: media.altText }).from(media).where(eq(media.id, row!.logoMediaId!))
      expect(same).toEqual({ id: row!.logoMediaId, alt: 'Accenture plc logo' })
      expect((await listVisiblePartners()).find((p) => p.name === 'Accenture plc')?.logo?.alt).toBe('Accenture plc logo')
    })

    it('refuses a save from a stale version and keeps the other save, even with a logo attached', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      const first = await updatePartner(partnerForm({ id: p.id, version: 1, name: 'First save', visible: true }))
      expect(first.ok).toBe(true)
      refreshedTags.length = 0
      await expectRefusedUnchanged(async () => updatePartner(partnerForm({ id: p.id, version: 1, name: 'Second save', visible: true, logo: await pngFile() })), {
        ok: false,
        error: 'Someone else saved this partner first. Reload to see their changes; your text is still in the form.',
      })
      expect(partnerConflictMessage).toMatch(/^Someone else saved this partner first/)
      expect(await partnerRow(p.id)).toMatchObject({ name: 'First save', version: 2 })
    })

    it('refuses anonymous visitors, candidates and trainers with the database unchanged', async () => {
      const p = await makePartner()
      const form = () => partnerForm({ id: p.id, version: 1, name: 'Hijacked', websiteUrl: 'https://evil.example.com', visible: true })
      await expectRefusedUnchanged(() => updatePartner(form()), signInRequired)
      for (const who of [people.candidate, people.trainer]) {
        await signInAs(who)
        await expectRefusedUnchanged(() => updatePartner(form()), forbidden)
      }
    })

    it('answers bad input by the field, and a refused logo, with the database unchanged', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      await expectRefusedUnchanged(() => updatePartner(partnerForm({ id: p.id, version: 1, name: 'Ok', websiteUrl: 'http://plain.example.com', visible: true })), {
        ok: false,
        error: 'Please correct the highlighted fields.',
        fieldErrors: { websiteUrl: [expect.any(String)] },
      })
      await expectRefusedUnchanged(() => updatePartner(partnerForm({ id: 'nope', version: 'x', name: 'Ok', visible: true })), expect.objectContaining({ fieldErrors: { id: ['Unknown partner'], version: [expect.any(String)] } }))
      await expectRefusedUnchanged(
        () => updatePartner(partnerForm({ id: p.id, version: 1, name: 'Ok', visible: true, logo: new File(['GIF89a....'], 'logo.gif', { type: 'image/gif' }) })),
        expect.objectContaining({ fieldErrors: { logo: [logoMessages.type] } }),
      )
    })

    it('refuses to edit a partner in the trash or one that does not exist', async () => {
      const p = await makePartner({ deletedAt: new Date() })
      await signInAs(people.editor)
      await expectRefusedUnchanged(() => updatePartner(partnerForm({ id: p.id, version: 1, name: 'Ok', visible: true })), { ok: false, error: 'This partner is in the trash. Restore it first.' })
      await expectRefusedUnchanged(() => updatePartner(partnerForm({ id: '00000000-0000-4000-8000-000000000000', version: 1, name: 'Ok', visible: true })), {
        ok: false,
        error: 'This partner no longer exists. Reload the page.',
      })
    })

    it('rolls the save and the new logo back when the audit row cannot be written', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      failAuditOnce()
      await expectRefusedUnchanged(async () => updatePartner(partnerForm({ id: p.id, version: 1, name: 'Never saved', visible: true, logo: await pngFile() })), somethingWrong)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('setPartnerVisibility', () => {
    it('hides and shows a partner on the site, versioned and audited', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      expect((await listVisiblePartners()).map((x) => x.name)).toContain(p.name)
      expect(await setPartnerVisibility({ id: p.id, version: 1, visible: false })).toEqual({ ok: true, data: { visible: false, version: 2 }, message: `${p.name} is hidden from the site.` })
      expect(await partnerRow(p.id)).toMatchObject({ visible: false, version: 2 })
      expect((await listVisiblePartners()).map((x) => x.name)).not.toContain(p.name)
      expect(refreshedTags).toEqual(['partners'])
      await signInAs(people.admin)
      expect((await setPartnerVisibility({ id: p.id, version: 2, visible: true })).ok).toBe(true)
      expect((await listVisiblePartners()).map((x) => x.name)).toContain(p.name)
      const rows = await auditRows(p.id)
      expect(rows.map((r) => [r.action, r.actorId, r.before, r.after])).toEqual([
        ['partner.hide', people.editor.id, { visible: true }, { visible: false }],
        ['partner.show', people.admin.id, { visible: false }, { visible: true }],
      ])
    })

    it('refuses a stale version with the database unchanged', async () => {
      const p = await makePartner({ version: 4 })
      await signInAs(people.editor)
      await expectRefusedUnchanged(() => setPartnerVisibility({ id: p.id, version: 3, visible: false }), {
        ok: false,
        error: 'Someone else changed this partner first. Reload the page to see their changes.',
      })
    })

    it('refuses anonymous visitors and candidates, and bad input, with the database unchanged', async () => {
      const p = await makePartner()
      await expectRefusedUnchanged(() => setPartnerVisibility({ id: p.id, version: 1, visible: false }), signInRequired)
      await signInAs(people.candidate)
      await expectRefusedUnchanged(() => setPartnerVisibility({ id: p.id, version: 1, visible: false }), forbidden)
      await signInAs(people.editor)
      await expectRefusedUnchanged(() => setPartnerVisibility({ id: p.id, version: 1, visible: 'no' }), expect.objectContaining({ fieldErrors: { visible: [expect.any(String)] } }))
      await expectRefusedUnchanged(() => setPartnerVisibility({ id: 'x', visible: false }), expect.objectContaining({ fieldErrors: { id: ['Unknown partner'], version: [expect.any(String)] } }))
    })

    it('rolls back when the audit row cannot be written', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      failAuditOnce()
      await expectRefusedUnchanged(() => setPartnerVisibility({ id: p.id, version: 1, visible: false }), somethingWrong)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('movePartner', () => {
    it('swaps display_order with the neighbour, up and down, and audits the positions', async () => {
      await signInAs(people.editor)
      const before = await orderedIds()
      const moved = before[3]!
      const result = await movePartner({ id: moved, direction: 'up' })
      expect(result).toMatchObject({ ok: true, data: { position: 3, count: before.length } })
      const after = await orderedIds()
      expect(after).toEqual([before[0], before[1], before[3], before[2], ...before.slice(4)])
      expect((await partnerRow(moved))!.displayOrder).toBe(2)
      expect((await partnerRow(before[2]!))!.displayOrder).toBe(3)
      expect(refreshedTags).toEqual(['partners'])
      const [row] = (await auditRows(moved)).filter((r) => r.action === 'partner.move')
      expect(row).toMatchObject({ actorId: people.editor.id, before: { position: 4 }, after: { position: 3 }, ip: '203.0.113.7' })

      expect((await movePartner({ id: moved, direction: 'down' })).ok).toBe(true)
      expect(await orderedIds()).toEqual(before)
      // The public strip follows the same order (hidden partners are simply skipped).
      const visibleNames = (await listVisiblePartners()).map((p) => p.name)
      const names = await d().select({ id: partners.id, name: partners.name, visible: partners.visible }).from(partners)
      const byId = new Map(names.map((n) => [n.id, n]))
      expect(visibleNames).toEqual(before.map((id) => byId.get(id)!).filter((n) => n.visible).map((n) => n.name))
    })

    it('moves partners that share a display_order (it renumbers the list)', async () => {
      const a = await makePartner({ name: `Aaa tie ${runId}` })
      const b = await makePartner({ name: `Bbb tie ${runId}`, displayOrder: a.displayOrder })
      await signInAs(people.editor)
      const ids = await orderedIds()
      expect(ids.indexOf(b.id)).toBe(ids.indexOf(a.id) + 1)
      expect((await movePartner({ id: b.id, direction: 'up' })).ok).toBe(true)
      const after = await orderedIds()
      expect(after.indexOf(b.id)).toBe(after.indexOf(a.id) - 1)
      const orders = (await d().select({ o: partners.displayOrder }).from(partners).where(isNull(partners.deletedAt)).orderBy(asc(partners.displayOrder))).map((r) => r.o)
      expect(orders).toEqual(orders.map((_, i) => i))
    })

    it('refuses to move the first partner up or the last one down', async () => {
      await signInAs(people.editor)
      const ids = await orderedIds()
      await expectRefusedUnchanged(() => movePartner({ id: ids[0]!, direction: 'up' }), { ok: false, error: expect.stringMatching(/is already first\.$/) })
      await expectRefusedUnchanged(() => movePartner({ id: ids.at(-1)!, direction: 'down' }), { ok: false, error: expect.stringMatching(/is already last\.$/) })
    })

    it('refuses anonymous visitors, candidates, bad input and trashed partners with the database unchanged', async () => {
      const ids = await orderedIds()
      await expectRefusedUnchanged(() => movePartner({ id: ids[2]!, direction: 'up' }), signInRequired)
      await signInAs(people.candidate)
      await expectRefusedUnchanged(() => movePartner({ id: ids[2]!, direction: 'up' }), forbidden)
      await signInAs(people.editor)
      await expectRefusedUnchanged(() => movePartner({ id: ids[2]!, direction: 'sideways' }), expect.objectContaining({ fieldErrors: { direction: [expect.any(String)] } }))
      const trashed = await makePartner({ deletedAt: new Date() })
      await expectRefusedUnchanged(() => movePartner({ id: trashed.id, direction: 'up' }), { ok: false, error: 'This partner is in the trash. Restore it first.' })
    })

    it('rolls back when the audit row cannot be written', async () => {
      const ids = await orderedIds()
      await signInAs(people.editor)
      failAuditOnce()
      await expectRefusedUnchanged(() => movePartner({ id: ids[1]!, direction: 'up' }), somethingWrong)
    })
  })

  // ---------------------------------------------------------------------------------------------
  describe('trash, restore and permanent delete', () => {
    it('moves a partner to the trash and restores it, for editors, audited', async () => {
      const p = await makePartner()
      await signInAs(people.editor)
      expect(await trashPartner({ id: p.id })).toEqual({ ok: true, data: null, message: `${p.name} was moved to the trash.` })
      expect(refreshedTags).toEqual(['partners'])
      expect((await partnerRow(p.id))!.deletedAt).toBeInstanceOf(Date)
      expect((await listVisiblePartners()).map((x) => x.name)).not.toContain(p.name)
      expect((await listPartnersForAdmin()).map((x) => x.id)).not.toContain(p.id)
      expect((await listPartnersForAdmin('trash')).map((x) => x.id)).toContain(p.id)
      expect(await countPartnersInTrash()).toBeGreaterThanOrEqual(1)
      expect((await getPartnerForEdit(p.id))?.trashed).toBe(true)

      refreshedTags.length = 0
      expect(await restorePartner({ id: p.id })).toEqual({ ok: true, data: null, message: `${p.name} was restored.` })
      expect(refreshedTags).toEqual(['partners'])
      expect((await partnerRow(p.id))!.deletedAt).toBeNull()
      expect((await orderedIds()).at(-1)).toBe(p.id)
      expect((await listVisiblePartners()).map((x) => x.name)).toContain(p.name)
      expect((await auditRows(p.id)).map((r) => [r.action, r.actorId])).toEqual([
        ['partner.trash', people.editor.id],
        ['partner.restore', people.editor.id],
      ])
    })

    it('refuses trashing twice and restoring what is not in the trash', async () => {
      const p = await makePartner({ deletedAt: new Date() })
      const q = await makePartner()
      await signInAs(people.editor)
      await expectRefusedUnchanged(() => trashPartner({ id: p.id }), { ok: false, error: 'This partner is already in the trash.' })
      await expectRefusedUnchanged(() => restorePartner({ id: q.id }), { ok: false, error: 'This partner is not in the trash.' })
      await expectRefusedUnchanged(() => restorePartner({ id: 'bad' }), expect.objectContaining({ fieldErrors: { id: ['Unknown partner'] } }))
    })

    it('refuses trash and restore to anonymous visitors and candidates with the database unchanged', async () => {
      const p = await makePartner()
      const t = await makePartner({ deletedAt: new Date() })
      await expectRefusedUnchanged(() => trashPartner({ id: p.id }), signInRequired)
      await expectRefusedUnchanged(() => restorePartner({ id: t.id }), signInRequired)
      for (const who of [people.candidate, people.trainer]) {
        await signInAs(who)
        await expectRefusedUnchanged(() => trashPartner({ id: p.id }), forbidden)
        await expectRefusedUnchanged(() => restorePartner({ id: t.id }), forbidden)
      }
    })

    it('rolls trash and restore back when the audit row cannot be written', async () => {
      const p = await makePartner()
      const t = await makePartner({ deletedAt: new Date() })
      await signInAs(people.editor)
      failAuditOnce()
      await expectRefusedUnchanged(() => trashPartner({ id: p.id }), somethingWrong)
      failAuditOnce()
      await expectRefusedUnchanged(() => restorePartner({ id: t.id }), somethingWrong)
    })

    it('lets only an admin delete for good, only from the trash, removing the logo file too', async () => {
      const [logo] = await d()
        .insert(media)
        .values({ bytes: new Uint8Array([1, 2, 3]), mimeType: 'image/webp', byteSize: 3, width: 1, height: 1, sha256: 'a'.repeat(64) })
        .returning({ id: media.id })
      const p = await makePartner({ logoMediaId: logo!.id })

      await signInAs(people.admin)
      await expectRefusedUnchanged(() => deletePartnerForever({ id: p.id }), { ok: false, error: 'Move the partner to the trash first.' })

      await signInAs(people.editor)
      expect((await trashPartner({ id: p.id })).ok).toBe(true)
      refreshedTags.length = 0
      // An editor is refused, and nothing changes.
      await expectRefusedUnchanged(() => deletePartnerForever({ id: p.id }), forbidden)
      await signInAs(people.candidate)
      await expectRefusedUnchanged(() => deletePartnerForever({ id: p.id }), forbidden)
      signOut()
      await expectRefusedUnchanged(() => deletePartnerForever({ id: p.id }), signInRequired)

      await signInAs(people.admin)
      failAuditOnce()
      await expectRefusedUnchanged(() => deletePartnerForever({ id: p.id }), somethingWrong)

      expect(await deletePartnerForever({ id: p.id })).toEqual({ ok: true, data: null, message: `${p.name} was deleted permanently.` })
      expect(await partnerRow(p.id)).toBeUndefined()
      expect(await d().select({ id: media.id }).from(media).where(eq(media.id, logo!.id))).toEqual([])
      const [row] = await d().select().from(auditLog).where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, 'partner.delete'))).orderBy(desc(auditLog.id))
      expect(row).toMatchObject({ actorId: people.admin.id, entityType: 'partner', ip: '203.0.113.7' })
      expect(row!.before).toMatchObject({ name: p.name, slug: p.slug, logoMediaId: logo!.id })
      expect(refreshedTags).toEqual(['partners'])
      refreshedTags.length = 0
      await expectRefusedUnchanged(() => deletePartnerForever({ id: p.id }), { ok: false, error: 'This partner no longer exists. Reload the page.' })
    })
  })
})
