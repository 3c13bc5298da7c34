import { describe, expect, it } from 'vitest'
import { periodKey, periodKeys, periodStart, previousPeriodStart } from './periods'

const at = (iso: string) => new Date(iso)

describe('digest periods (UTC)', () => {
  it('names the day, the ISO week and the month', () => {
    expect(periodKeys(at('2026-11-28T17:00:00Z'))).toEqual({ daily: '2026-11-28', weekly: '2026-W48', monthly: '2026-11' })
  })

  it('uses the ISO week-numbering year at the turn of the year', () => {
    expect(periodKey('weekly', at('2026-12-31T12:00:00Z'))).toBe('2026-W53') // a Thursday: 2026 has 53 weeks
    expect(periodKey('weekly', at('2027-01-01T12:00:00Z'))).toBe('2026-W53') // Friday of the same week
    expect(periodKey('weekly', at('2027-01-04T00:00:00Z'))).toBe('2027-W01')
    expect(periodKey('weekly', at('2024-12-30T08:00:00Z'))).toBe('2025-W01') // a Monday in 2025's first week
    expect(periodKey('weekly', at('2021-01-03T23:59:59Z'))).toBe('2020-W53')
  })

  it('a week runs Monday 00:00 to Sunday 23:59:59 UTC', () => {
    expect(periodKey('weekly', at('2026-11-29T23:59:59Z'))).toBe('2026-W48') // Sunday
    expect(periodKey('weekly', at('2026-11-30T00:00:00Z'))).toBe('2026-W49') // Monday
    expect(periodStart('weekly', at('2026-11-28T17:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })

  it('days and months follow UTC, not the server time zone', () => {
    expect(periodKey('daily', at('2026-11-28T23:59:59.999Z'))).toBe('2026-11-28')
    expect(periodKey('daily', at('2026-11-29T00:00:00Z'))).toBe('2026-11-29')
    expect(periodKey('monthly', at('2026-12-01T00:00:00Z'))).toBe('2026-12')
  })

  it('the previous period starts one day, one week or one month earlier', () => {
    const now = at('2026-03-18T10:00:00Z')
    expect(previousPeriodStart('daily', now).toISOString()).toBe('2026-03-17T00:00:00.000Z')
    expect(previousPeriodStart('weekly', now).toISOString()).toBe('2026-03-09T00:00:00.000Z')
    expect(previousPeriodStart('monthly', now).toISOString()).toBe('2026-02-01T00:00:00.000Z')
    expect(previousPeriodStart('monthly', at('2026-01-15T00:00:00Z')).toISOString()).toBe('2025-12-01T00:00:00.000Z')
  })
})
