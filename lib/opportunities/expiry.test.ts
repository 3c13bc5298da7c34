import { describe, expect, it } from 'vitest'
import { isListed, lifetimeUntilNextExpiry, maxLifetimeSeconds, minLifetimeSeconds } from './expiry'
import { dateFromExpiresAt, expiresAtFromDate } from './schema'

const now = Date.parse('2026-03-01T12:00:00Z')
const at = (offsetSeconds: number) => new Date(now + offsetSeconds * 1000).toISOString()

describe('lifetimeUntilNextExpiry', () => {
  it('is undefined when nothing expires (the entry lives until a write refreshes it)', () => {
    expect(lifetimeUntilNextExpiry([], now)).toBeUndefined()
    expect(lifetimeUntilNextExpiry([{ expiresAt: null }, { expiresAt: null }], now)).toBeUndefined()
  })

  it('ends at the earliest expiry among the rows', () => {
    expect(lifetimeUntilNextExpiry([{ expiresAt: at(7200) }, { expiresAt: null }, { expiresAt: at(3600) }, { expiresAt: at(86_400) }], now)).toBe(3600)
  })

  it('rounds up to whole seconds, never ending before the expiry', () => {
    expect(lifetimeUntilNextExpiry([{ expiresAt: new Date(now + 3_600_001).toISOString() }], now)).toBe(3601)
  })

  it('is at least a minute, even for an expiry a few seconds ahead or already past', () => {
    expect(lifetimeUntilNextExpiry([{ expiresAt: at(5) }], now)).toBe(minLifetimeSeconds)
    expect(lifetimeUntilNextExpiry([{ expiresAt: at(-600) }], now)).toBe(60)
  })

  it('is at most a year', () => {
    expect(lifetimeUntilNextExpiry([{ expiresAt: at(5 * 365 * 86_400) }], now)).toBe(maxLifetimeSeconds)
  })

  it('ignores unreadable dates', () => {
    expect(lifetimeUntilNextExpiry([{ expiresAt: 'soon' }, { expiresAt: at(600) }], now)).toBe(600)
  })

  it('60 days ahead is 5,184,000 seconds', () => {
    expect(lifetimeUntilNextExpiry([{ expiresAt: at(60 * 86_400) }], now)).toBe(5_184_000)
  })
})

describe('isListed', () => {
  it('lists rows without expiry and rows expiring later; never one at or past its expiry', () => {
    expect(isListed({ expiresAt: null }, now)).toBe(true)
    expect(isListed({ expiresAt: at(1) }, now)).toBe(true)
    expect(isListed({ expiresAt: at(0) }, now)).toBe(false)
    expect(isListed({ expiresAt: at(-1) }, now)).toBe(false)
  })
})

describe('expiry dates', () => {
  it('a date means "listed through that day (UTC)" and converts back', () => {
    expect(expiresAtFromDate('2026-03-31').toISOString()).toBe('2026-04-01T00:00:00.000Z')
    expect(expiresAtFromDate('2028-02-28').toISOString()).toBe('2028-02-29T00:00:00.000Z')
    expect(dateFromExpiresAt(expiresAtFromDate('2026-12-31'))).toBe('2026-12-31')
    expect(dateFromExpiresAt('2026-05-10T15:30:00Z')).toBe('2026-05-10')
  })
})
