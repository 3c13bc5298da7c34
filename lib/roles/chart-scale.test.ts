import { describe, expect, it } from 'vitest'
import { linearScale, niceMax, premiumSalary, salaryTicks } from './chart-scale'

/** True when every gap between neighbouring ticks is the same (to float precision). */
function evenlySpaced(ticks: number[]): boolean {
  const step = ticks[1]! - ticks[0]!
  return ticks.every((t, i) => i === 0 || Math.abs(t - ticks[i - 1]! - step) < Math.abs(step) * 1e-9)
}

/** True when the step is 1, 2, 2.5 or 5 times a power of ten. */
function roundStep(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step))
  return [1, 2, 2.5, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)
}

describe('niceMax', () => {
  it('rounds salary maxima up to a round figure', () => {
    expect(niceMax(145_000)).toBe(150_000)
    expect(niceMax(162_000)).toBe(200_000)
    expect(niceMax(87)).toBe(100)
    expect(niceMax(110_000)).toBe(120_000)
    expect(niceMax(210_000)).toBe(250_000)
    expect(niceMax(333)).toBe(400)
    expect(niceMax(7_100)).toBe(8_000)
  })

  it('keeps values that are already round', () => {
    for (const v of [1, 10, 100, 1_000, 150_000, 200_000, 250_000, 0.5, 0.12]) expect(niceMax(v)).toBe(v)
  })

  it('handles powers of ten and values just above them', () => {
    expect(niceMax(1_000_000)).toBe(1_000_000)
    expect(niceMax(1_000_001)).toBe(1_200_000)
    expect(niceMax(99_999)).toBe(100_000)
  })

  it('works for small numbers without floating-point noise', () => {
    expect(niceMax(0.037)).toBe(0.04)
    expect(niceMax(0.11)).toBe(0.12)
    expect(niceMax(0.3)).toBe(0.3)
    expect(niceMax(0.1 + 0.2)).toBe(0.4) // 0.30000000000000004 is just above 0.3
    expect(niceMax(2.2)).toBe(2.5)
    expect(niceMax(1e-7)).toBe(1e-7)
  })

  it('gives 1 for zero, negative and non-finite values so an axis is never empty', () => {
    expect(niceMax(0)).toBe(1)
    expect(niceMax(-0)).toBe(1)
    expect(niceMax(-50)).toBe(1)
    expect(niceMax(Number.NaN)).toBe(1)
    expect(niceMax(Number.POSITIVE_INFINITY)).toBe(1)
  })

  it('is always >= the value and less than twice it', () => {
    for (let v = 0.013; v < 5e6; v *= 1.37) {
      const m = niceMax(v)
      expect(m).toBeGreaterThanOrEqual(v)
      expect(m).toBeLessThan(v * 2)
    }
  })
})

describe('linearScale', () => {
  it('maps the domain linearly onto the range', () => {
    const x = linearScale([0, 200_000], [0, 100])
    expect(x(0)).toBe(0)
    expect(x(100_000)).toBe(50)
    expect(x(150_000)).toBe(75)
    expect(x(200_000)).toBe(100)
  })

  it('handles a domain that does not start at zero', () => {
    const x = linearScale([80_000, 160_000], [0, 100])
    expect(x(80_000)).toBe(0)
    expect(x(110_000)).toBe(37.5)
    expect(x(160_000)).toBe(100)
  })

  it('clamps values outside the domain to the range', () => {
    const x = linearScale([0, 100], [10, 20])
    expect(x(-50)).toBe(10)
    expect(x(150)).toBe(20)
    expect(x(Number.POSITIVE_INFINITY)).toBe(20)
    expect(x(Number.NEGATIVE_INFINITY)).toBe(10)
  })

  it('supports an inverted range (as for a vertical SVG axis) and still clamps', () => {
    const y = linearScale([0, 100], [300, 0])
    expect(y(0)).toBe(300)
    expect(y(25)).toBe(225)
    expect(y(100)).toBe(0)
    expect(y(200)).toBe(0)
    expect(y(-1)).toBe(300)
  })

  it('supports an inverted domain', () => {
    const x = linearScale([100, 0], [0, 10])
    expect(x(100)).toBe(0)
    expect(x(25)).toBe(7.5)
    expect(x(-10)).toBe(10)
  })

  it('maps everything to the middle of the range when the domain has zero width', () => {
    const x = linearScale([50_000, 50_000], [0, 100])
    expect(x(50_000)).toBe(50)
    expect(x(0)).toBe(50)
    expect(x(1e9)).toBe(50)
  })

  it('maps NaN to the start of the range instead of leaking NaN into markup', () => {
    expect(linearScale([0, 10], [0, 100])(Number.NaN)).toBe(0)
  })
})

describe('salaryTicks', () => {
  it('covers a salary range with round, evenly spaced ticks', () => {
    const ticks = salaryTicks(95_000, 145_000)
    expect(ticks).toEqual([80_000, 100_000, 120_000, 140_000, 160_000])
  })

  it('uses narrower or wider steps as more or fewer ticks are asked for', () => {
    expect(salaryTicks(95_000, 145_000, 8)).toEqual([90_000, 100_000, 110_000, 120_000, 130_000, 140_000, 150_000])
    expect(salaryTicks(95_000, 145_000, 3)).toEqual([75_000, 100_000, 125_000, 150_000])
    expect(salaryTicks(0, 200_000, 2)).toEqual([0, 200_000])
  })

  it('starts at zero when asked to cover zero', () => {
    expect(salaryTicks(0, 150_000)).toEqual([0, 50_000, 100_000, 150_000])
  })

  it('keeps the ends when they already sit on ticks', () => {
    expect(salaryTicks(100_000, 200_000, 5)).toEqual([100_000, 125_000, 150_000, 175_000, 200_000])
  })

  it('brackets the range, stays round and respects the tick budget for many inputs', () => {
    const cases: [number, number, number][] = [
      [95_000, 145_000, 5],
      [38_000, 61_000, 5],
      [120_000, 410_000, 4],
      [1, 7, 5],
      [0.2, 0.9, 6],
      [55_555, 55_556, 5],
      [-30, 70, 5],
      [-250, -20, 3],
    ]
    for (const [min, max, count] of cases) {
      const ticks = salaryTicks(min, max, count)
      expect(ticks.length).toBeGreaterThanOrEqual(2)
      expect(ticks.length).toBeLessThanOrEqual(count + 1)
      expect(ticks[0]).toBeLessThanOrEqual(min)
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max)
      expect(evenlySpaced(ticks)).toBe(true)
      expect(roundStep(ticks[1]! - ticks[0]!)).toBe(true)
    }
  })

  it('returns decimal ticks without floating-point noise', () => {
    expect(salaryTicks(0.1, 0.3, 3)).toEqual([0.1, 0.2, 0.3])
    expect(salaryTicks(0.05, 0.3, 3)).toEqual([0, 0.2, 0.4])
    expect(salaryTicks(0.7, 1.3, 4)).toEqual([0.6, 0.8, 1, 1.2, 1.4])
  })

  it('accepts min and max in either order', () => {
    expect(salaryTicks(145_000, 95_000)).toEqual(salaryTicks(95_000, 145_000))
  })

  it('gives ticks on both sides when min and max are equal', () => {
    expect(salaryTicks(100_000, 100_000)).toEqual([80_000, 100_000, 120_000])
    expect(salaryTicks(95_000, 95_000)).toEqual([80_000, 100_000])
  })

  it('never goes below zero for a single non-negative value', () => {
    expect(salaryTicks(0, 0)).toEqual([0, 0.25])
    const ticks = salaryTicks(10, 10, 2)
    expect(ticks[0]).toBeGreaterThanOrEqual(0)
    expect(ticks[0]).toBeLessThanOrEqual(10)
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(10)
  })

  it('handles a single negative value', () => {
    const ticks = salaryTicks(-40, -40)
    expect(ticks[0]).toBeLessThan(-40)
    expect(ticks.at(-1)).toBeGreaterThan(-40)
  })

  it('treats a count below 2 as 2 and ignores a non-finite count', () => {
    expect(salaryTicks(0, 100, 0)).toEqual([0, 100])
    expect(salaryTicks(0, 100, Number.NaN)).toEqual(salaryTicks(0, 100))
  })

  it('returns no ticks for non-finite bounds', () => {
    expect(salaryTicks(Number.NaN, 100)).toEqual([])
    expect(salaryTicks(0, Number.POSITIVE_INFINITY)).toEqual([])
  })
})

describe('premiumSalary', () => {
  it('applies a positive premium', () => {
    expect(premiumSalary(110_000, 20)).toBe(132_000)
    expect(premiumSalary(100_000, 8)).toBe(108_000)
  })

  it('applies a negative premium', () => {
    expect(premiumSalary(110_000, -10)).toBe(99_000)
    expect(premiumSalary(80_000, -25)).toBe(60_000)
  })

  it('leaves the average unchanged for a zero premium (after rounding)', () => {
    expect(premiumSalary(110_000, 0)).toBe(110_000)
    expect(premiumSalary(110_400, 0)).toBe(110_000)
  })

  it('rounds to the nearest thousand', () => {
    expect(premiumSalary(95_000, 12.5)).toBe(107_000) // 106,875
    expect(premiumSalary(87_500, 15)).toBe(101_000) // 100,625
    expect(premiumSalary(101_000, 10)).toBe(111_000) // 111,100
    expect(premiumSalary(1_499, 0)).toBe(1_000)
    expect(premiumSalary(1_500, 0)).toBe(2_000)
  })

  it('handles a zero average and a -100% premium without returning -0', () => {
    expect(premiumSalary(0, 20)).toBe(0)
    expect(premiumSalary(110_000, -100)).toBe(0)
    expect(Object.is(premiumSalary(300, -50), 0)).toBe(true)
  })
})
