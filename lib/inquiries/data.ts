import 'server-only'
import type { Transaction } from '@/db'
import { inquiries } from '@/db/schema'
import { enqueueEmail } from '@/lib/email/outbox'
import { renderEmail, siteLink } from '@/lib/email/templates'
import { teamEmail } from '@/lib/env'
import { listPublishedPrograms } from '@/lib/programs/data'
import { listPublishedRoles } from '@/lib/roles/data'
import { partnershipTypeLabels, sizeLabel, type DemoBookingData, type PartnershipInquiryData } from './schema'

/** What the demo form offers to pick from: published roles and programs, by title (cached reads). */
export interface DemoInterestOptions {
  roles: string[]
  programs: string[]
}

export async function listDemoInterestOptions(): Promise<DemoInterestOptions> {
  const [roles, programs] = await Promise.all([listPublishedRoles(), listPublishedPrograms()])
  return { roles: [...new Set(roles.map((r) => r.title))].sort(), programs: [...new Set(programs.map((p) => p.title))].sort() }
}

/**
 * The interests offered right now, as a set of titles (read before the submit's transaction: the
 * cached reads use their own connection, and the embedded database has only one).
 */
export async function offeredInterests(): Promise<Set<string>> {
  const options = await listDemoInterestOptions()
  return new Set([...options.roles, ...options.programs])
}

/** A header-safe line: no control characters (line breaks above all), bounded. */
export const headerLine = (text: string, max = 150) => {
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

const formatDay = (day: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))

export type StoredInquiry = { id: string }

/**
 * Stores a partnership inquiry and queues, in the same transaction, the team's notification (every
 * field, as typed; the HTML escapes it) and the sender's confirmation. The confirmation repeats
 * none of the free text, so the form cannot be used to send someone else a message of one's own.
 */
export async function storePartnershipInquiry(tx: Transaction, input: PartnershipInquiryData): Promise<StoredInquiry> {
  const [row] = await tx
    .insert(inquiries)
    .values({
      kind: 'partnership',
      company: input.company,
      contactName: input.contactName,
      email: input.email,
      size: input.companySize,
      partnershipType: input.partnershipType,
      message: input.message,
    })
    .returning({ id: inquiries.id })
  const team = renderEmail({
    heading: 'New partnership inquiry',
    paragraphs: [
      `Company: ${input.company}`,
      `Contact: ${input.contactName} <${input.email}>`,
      `Company size: ${sizeLabel(input.companySize)}`,
      `Kind of partnership: ${partnershipTypeLabels[input.partnershipType]}`,
      'Message:',
      ...input.message.split(/\r?\n/).filter((line) => line.trim() !== ''),
    ],
    action: { label: 'Open it in the inbox', url: inboxLink(row!.id) },
    reason: 'You receive this because this address is the SkillsU team address (TEAM_EMAIL).',
  })
  await enqueueEmail(tx, { to: teamEmail(), kind: 'inquiry-team', subject: headerLine(`Partnership inquiry: ${input.company}`), ...team })
  const confirmation = renderEmail({
    heading: 'Thanks for your partnership inquiry',
    paragraphs: [
      `We received your inquiry about becoming a ${partnershipTypeLabels[input.partnershipType].toLowerCase()}.`,
      'Someone from our partnerships team will reply within two working days.',
    ],
    reason: 'You receive this because this address was entered in the partnership form on SkillsU. If that was not you, ignore this email.',
  })
  await enqueueEmail(tx, { to: input.email, kind: 'inquiry-confirmation', subject: 'We received your partnership inquiry', ...confirmation })
  return { id: row!.id }
}

/** Stores a demo booking and queues the team's notification and the sender's confirmation. */
export async function storeDemoBooking(tx: Transaction, input: DemoBookingData): Promise<StoredInquiry> {
  const [row] = await tx
    .insert(inquiries)
    .values({
      kind: 'demo',
      company: input.company,
      contactName: input.contactName,
      email: input.email,
      size: input.teamSize,
      interests: input.interests,
      preferredDates: input.preferredDates,
      timeZone: input.timeZone,
    })
    .returning({ id: inquiries.id })
  const dates = input.preferredDates.map(formatDay).join('; ')
  const team = renderEmail({
    heading: 'New demo booking',
    paragraphs: [
      `Company: ${input.company}`,
      `Contact: ${input.contactName} <${input.email}>`,
      `Team size: ${sizeLabel(input.teamSize)}`,
      `Interests: ${input.interests.length ? input.interests.join('; ') : 'none chosen'}`,
      `Preferred dates: ${dates} (time zone ${input.timeZone})`,
    ],
    action: { label: 'Open it in the inbox', url: inboxLink(row!.id) },
    reason: 'You receive this because this address is the SkillsU team address (TEAM_EMAIL).',
  })
  await enqueueEmail(tx, { to: teamEmail(), kind: 'inquiry-team', subject: headerLine(`Demo booking: ${input.company}`), ...team })
  const confirmation = renderEmail({
    heading: 'Thanks for booking a demo',
    paragraphs: [
      `You asked for a demo on one of these dates: ${dates} (${input.timeZone}).`,
      'We will reply within two working days to confirm a time.',
    ],
    reason: 'You receive this because this address was entered in the demo booking form on SkillsU. If that was not you, ignore this email.',
  })
  await enqueueEmail(tx, { to: input.email, kind: 'inquiry-confirmation', subject: 'We received your demo booking', ...confirmation })
  return { id: row!.id }
}

const inboxLink = (id: string) => siteLink(`/admin/inquiries/${id}`)
