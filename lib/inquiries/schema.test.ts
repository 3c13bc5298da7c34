import { describe, expect, it } from 'vitest'
import { aYearAfter, demoFieldsSchema, isKnownTimeZone, partnershipFieldsSchema, partnershipInquirySchema, sizeLabel, timeZoneList, todayIn } from './schema'

describe('inquiry schemas', () => {
  it('knows the IANA time zones and UTC, and nothing else', () => {
    expect(timeZoneList()[0]).toBe('UTC')
    for (const zone of ['UTC', 'Europe/Berlin', 'Pacific/Kiritimati']) expect(isKnownTimeZone(zone), zone).toBe(true)
    // Engines disagree on the canonical name of a few zones; either name is accepted.
    for (const zone of ['Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Europe/Kiev', 'America/Argentina/Buenos_Aires']) expect(isKnownTimeZone(zone), zone).toBe(true)
    for (const zone of ['', 'Mars/Olympus_Mons', 'Europe/Berlin\n', '../../etc/passwd', '+01:00', 'Etc/GMT+99']) expect(isKnownTimeZone(zone), zone).toBe(false)
  })

  it('works out today in a time zone and the same day a year later', () => {
    const instant = new Date('2030-03-01T10:30:00Z')
    expect(todayIn('UTC', instant)).toBe('2030-03-01')
    expect(todayIn('Pacific/Kiritimati', new Date('2030-03-01T11:00:00Z'))).toBe('2030-03-02')
    expect(todayIn('America/Los_Angeles', new Date('2030-03-01T05:00:00Z'))).toBe('2030-02-28')
    // An unknown zone counts as UTC rather than throwing.
    expect(todayIn('Nowhere/Else', instant)).toBe('2030-03-01')
    expect(aYearAfter('2030-03-01')).toBe('2031-03-01')
    expect(aYearAfter('2028-02-29')).toBe('2029-02-28')
    expect(aYearAfter('2030-12-31')).toBe('2031-12-31')
  })

  it('labels the size ranges for people', () => {
    expect(sizeLabel('51-200')).toBe('51–200 people')
    expect(sizeLabel('5000+')).toBe('More than 5,000 people')
  })

  it('shares the fields between the browser and the action; only the action needs the guard', () => {
    const fields = { company: 'Acme', contactName: 'Ada', email: 'ADA@Example.com', companySize: '1-10', partnershipType: 'other', message: 'Hello there, team.' }
    expect(partnershipFieldsSchema.parse(fields)).toMatchObject({ email: 'ada@example.com' })
    expect(partnershipInquirySchema.safeParse(fields).success).toBe(false)
    expect(partnershipInquirySchema.safeParse({ ...fields, idempotencyKey: 'abcdefghijklmnop1234', fillMs: '5000', hp: '' }).success).toBe(true)
  })

  it('drops empty date inputs and keeps the rest sorted and unique', () => {
    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
    const parsed = demoFieldsSchema.parse({ company: 'Globex', contactName: 'Grace', email: 'g@example.com', teamSize: '6-20', preferredDates: [day(9), '', day(3)], timeZone: 'UTC' })
    expect(parsed.preferredDates).toEqual([day(3), day(9)])
    expect(parsed.interests).toEqual([])
  })
})
