/**
 * Scale helpers for the server-rendered role charts. Pure functions: no React, no DOM.
 */

/** Mantissas (×10) that read as "round" axis maxima: 10, 12, 15, 20, 25, 30, 40, 50, 60, 80 and 100. */
const MAX_MANTISSAS = [10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100]
/** Mantissas (×10) for tick steps: 1, 2, 2.5 and 5 times a power of ten. */
const STEP_MANTISSAS = [10, 20, 25, 50, 100]

/**
 * `mantissa × 10^(exponent - 1)` computed from integers only, so the result is the closest double to the
 * decimal literal (0.12, not 0.12000000000000001).
 */
function scaled(mantissa: number, exponent: number): number {
  const power = exponent - 1
  return power >= 0 ? mantissa * 10 ** power : mantissa / 10 ** -power
}

/** The smallest `mantissa × 10^k` that is >= value (value must be positive and finite). */
function roundUp(value: number, mantissas: readonly number[]): number {
  const exponent = Math.floor(Math.log10(value))
  // log10 can land one off for values near a power of ten; starting a decade lower covers that.
  for (let e = exponent - 1; e <= exponent + 1; e++) {
    for (const m of mantissas) {
      const candidate = scaled(m, e)
      if (candidate >= value) return candidate
    }
  }
  return scaled(mantissas[mantissas.length - 1] ?? 100, exponent + 1)
}

/** Drops floating-point noise from repeated arithmetic (0.30000000000000004 -> 0.3). */
function clean(value: number): number {
  return Number(value.toPrecision(12)) + 0 // `+ 0` turns -0 into 0
}

/**
 * A round axis maximum that is >= value: 145000 -> 150000, 162000 -> 200000, 87 -> 100, 0.037 -> 0.04.
 * Zero, negative and non-finite values give 1, so an axis starting at 0 is never empty.
 */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1
  return roundUp(value, MAX_MANTISSAS)
}

/**
 * Maps `domain` linearly onto `range`, clamping the result to the range (either may run backwards).
 * A zero-width domain maps everything to the middle of the range; NaN maps to the start of the range.
 */
export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain
  const [r0, r1] = range
  const lo = Math.min(r0, r1)
  const hi = Math.max(r0, r1)
  const span = d1 - d0
  return (v: number) => {
    if (Number.isNaN(v)) return r0
    if (span === 0) return (r0 + r1) / 2
    const t = (v - d0) / span
    const out = r0 + t * (r1 - r0)
    return Math.min(hi, Math.max(lo, out))
  }
}

/**
 * Evenly spaced round tick values (steps of 1, 2, 2.5 or 5 × 10^k) covering [min, max]: the first tick is
 * <= min and the last >= max. `count` is the target number of ticks (at least 2); the result has between
 * 2 and count + 1 ticks. Equal min and max give ticks on both sides of the value (never below 0 for a
 * non-negative value). The arguments may come in either order; non-finite input gives [].
 */
export function salaryTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return []
  const lo = Math.min(min, max)
  const hi = Math.max(min, max)
  const target = Math.max(2, Math.floor(Number.isFinite(count) ? count : 5))

  const span = hi - lo || Math.abs(lo) / 2 || 1
  const step = roundUp(clean(span / (target - 1)), STEP_MANTISSAS)

  let first = Math.floor(clean(lo / step))
  let last = Math.ceil(clean(hi / step))
  if (first === last) {
    // A single value sitting on a tick: widen to the neighbouring ticks, staying at or above zero.
    if (lo >= 0 && first === 0) last += 1
    else {
      first -= 1
      last += 1
    }
  }

  const ticks: number[] = []
  for (let i = first; i <= last; i++) ticks.push(clean(i * step))
  return ticks
}

/** The average adjusted by a location premium (+20 = 20% higher), rounded to the nearest 1000. */
export function premiumSalary(avg: number, premiumPct: number): number {
  return Math.round((avg * (100 + premiumPct)) / 100 / 1000) * 1000 + 0
}
