import { describe, expect, it } from 'vitest'
import { formatDate, formatMoney, formatPercent } from './format'

describe('formatting', () => {
  it('formats salaries', () => {
    expect(formatMoney(110_000)).toBe('$110,000')
    expect(formatMoney(145_000, 'USD', true)).toBe('$145,000+')
  })
  it('formats percentages', () => {
    expect(formatPercent(8, { signed: true })).toBe('+8%')
    expect(formatPercent(-5, { signed: true })).toBe('-5%')
    expect(formatPercent(12.5)).toBe('12.5%')
  })
  it('formats dates without shifting the day', () => {
    expect(formatDate('2026-10-15')).toBe('October 15, 2026')
  })
})
