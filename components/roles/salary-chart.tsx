import type { CSSProperties, ReactNode } from 'react'
import type { RolePageDto } from '@/lib/roles/data'
import { linearScale, premiumSalary, salaryTicks } from '@/lib/roles/chart-scale'
import { formatMoney, formatPercent } from '@/lib/roles/format'
import { cn } from '@/lib/utils'

type Salary = RolePageDto['salary']

export type SalaryChartProps = {
  salary: Salary
  /** Visible caption; defaults to "Annual salary, <region> (<currency>)". */
  caption?: ReactNode
  className?: string
}

/** Room left on the axis past an open-ended maximum, so the "and above" extension has somewhere to go. */
const OPEN_END_ROOM = 1.06

/**
 * A salary axis: round ticks covering every value (4–6 of them, whichever wastes the least width) and a
 * scale from salary to a 0–100 CSS percentage.
 */
export function salaryAxis(values: number[]) {
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  let ticks = salaryTicks(lo, hi, 4)
  for (const count of [5, 6]) {
    const candidate = salaryTicks(lo, hi, count)
    const width = (t: number[]) => (t.at(-1) ?? 0) - (t[0] ?? 0)
    if (width(candidate) < width(ticks)) ticks = candidate
  }
  const x = linearScale([ticks[0] ?? 0, ticks.at(-1) ?? 1], [0, 100])
  return { ticks, x }
}

/** "37.50%" for inline left/width styles. */
export const cssPct = (n: number) => `${n.toFixed(2)}%`

/**
 * Faint vertical lines at each tick, drawn by the track's CSS background (.sal-track in globals.css)
 * rather than one element per tick and row: the ticks are evenly spaced from 0% to 100%, so the
 * number of steps is all the CSS needs.
 */
export function gridlineStyle(ticks: number[]): CSSProperties {
  return { '--sal-steps': Math.max(ticks.length - 1, 1) } as CSSProperties
}

/**
 * The tick labels under the plot column. Labels at the ends are aligned inward so they never leave the
 * chart; with more than four ticks every other label is dropped on narrow screens so none overlap.
 */
export function SalaryAxis({ ticks, x, currency }: { ticks: number[]; x: (v: number) => number; currency: string }) {
  const thin = ticks.length > 4
  return (
    <div aria-hidden="true" className="relative h-6 border-t border-ink-400">
      {ticks.map((t, i) => {
        const first = i === 0
        const last = i === ticks.length - 1
        return (
          <span
            key={t}
            className={cn(
              'sal-tick',
              first ? 'items-start' : last ? '-translate-x-full items-end' : '-translate-x-1/2 items-center',
            )}
            style={{ left: cssPct(x(t)) }}
          >
            <span className={thin && i % 2 === 1 ? 'sal-tick-label max-sm:hidden' : 'sal-tick-label'}>
              {formatMoney(t, currency)}
            </span>
          </span>
        )
      })}
    </div>
  )
}

/**
 * A min–max range bar with an average marker, on a track spanning the whole axis. An open-ended maximum
 * continues as a dashed line to the end of the axis.
 */
export function SalaryRangeTrack({
  min,
  avg,
  max,
  openEnded,
  ticks,
  x,
}: {
  min: number
  avg: number
  max: number
  openEnded: boolean
  ticks: number[]
  x: (v: number) => number
}) {
  const left = x(min)
  const right = x(max)
  return (
    <div aria-hidden="true" className="sal-track" style={gridlineStyle(ticks)}>
      <span
        className="absolute inset-y-0 rounded-sm bg-brand-600"
        style={{ left: cssPct(left), width: cssPct(Math.max(right - left, 0.75)) }}
      />
      {openEnded ? (
        <span
          className="absolute top-1/2 -translate-y-1/2 border-t-2 border-dashed border-brand-600"
          style={{ left: cssPct(right), right: 0 }}
        />
      ) : null}
      <span
        className="absolute -inset-y-1.5 w-1 -translate-x-1/2 rounded-full bg-ink-900 ring-2 ring-white"
        style={{ left: cssPct(x(avg)) }}
      />
    </div>
  )
}

/** Key to the range bar, the average marker and (when shown) the open-ended extension. */
export function SalaryLegend({ openEnded = false, children }: { openEnded?: boolean; children?: ReactNode }) {
  return (
    <div aria-hidden="true" className="legend">
      <span>
        <span className="h-3 w-5 rounded-sm bg-brand-600" />
        Salary range
      </span>
      <span>
        <span className="h-4 w-1 rounded-full bg-ink-900" />
        Average
      </span>
      {openEnded ? (
        <span>
          <span className="w-5 border-t-2 border-dashed border-brand-600" />
          Open-ended maximum (+)
        </span>
      ) : null}
      {children}
    </div>
  )
}

/** Horizontal alignment of a label sitting over a point, so labels near the ends stay inside the chart. */
function alignAt(pct: number) {
  return pct < 20 ? 'translate-x-0' : pct > 80 ? '-translate-x-full' : '-translate-x-1/2'
}

/**
 * Salary range (min to max) with the average marked, on a round axis, plus one row per location premium
 * showing the premium-adjusted average on the same scale. HTML/CSS only, so it renders on the server and
 * stays legible from 360 px up. Assistive technology reads the figures as the text labels show them
 * (region and range, average, each location's premium); the bars, axis and legend are hidden from it
 * (a second copy of every figure as a table would weigh on every role page). Renders nothing when min,
 * average or max is missing.
 */
export function SalaryChart({ salary, caption, className }: SalaryChartProps) {
  const { min, avg, max, currency, region, maxOpenEnded } = salary
  if (min === null || avg === null || max === null) return null

  const premiums = salary.locationPremiums.map((p) => ({ ...p, value: premiumSalary(avg, p.premiumPct) }))
  const { ticks, x } = salaryAxis([min, avg, max * (maxOpenEnded ? OPEN_END_ROOM : 1), ...premiums.map((p) => p.value)])
  const money = (n: number, openEnded = false) => formatMoney(n, currency, openEnded)
  const avgX = x(avg)

  return (
    <figure className={cn('relative rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6', className)}>
      <figcaption className="text-base font-semibold text-ink-900">
        {caption ?? `Annual salary, ${region} (${currency})`}
      </figcaption>

      <div className="mt-3">
        <SalaryLegend openEnded={maxOpenEnded}>
          {premiums.length > 0 ? (
            <span>
              <span className="size-3 rounded-full bg-accent-700" />
              Average with location premium
            </span>
          ) : null}
        </SalaryLegend>

        <div className="mt-4 grid grid-cols-1 gap-x-6 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)] sm:items-center sm:gap-y-2">
          {/* Overall range */}
          <div className="sal-label sm:self-end">
            <span>{region}</span>
            <span>
              {money(min)} – {money(max, maxOpenEnded)}
            </span>
          </div>
          <div className="relative pt-6 pb-3">
            <span
              className={cn('absolute top-0 text-xs font-semibold whitespace-nowrap text-ink-900 tabular-nums', alignAt(avgX))}
              style={{ left: cssPct(avgX) }}
            >
              Average {money(avg)}
            </span>
            <SalaryRangeTrack min={min} avg={avg} max={max} openEnded={maxOpenEnded} ticks={ticks} x={x} />
          </div>

          {/* Location premiums */}
          {premiums.map((p, i) => {
            const px = x(p.value)
            return (
              <div key={`${p.location}-${i}`} className="contents">
                <div className="sal-label mt-2 sm:mt-0">
                  <span>{p.location}</span>
                  <span>
                    {formatPercent(p.premiumPct, { signed: true })} ≈ {money(p.value)}
                  </span>
                </div>
                <div className="pt-1 pb-3 sm:py-2">
                  {/* The reference line at the overall average, the bar from it to this location's
                      average, and its point are drawn by .sal-premium's background and pseudo-elements. */}
                  <div
                    aria-hidden="true"
                    className="sal-track sal-premium"
                    style={{ ...gridlineStyle(ticks), '--avg': cssPct(avgX), '--at': cssPct(px), '--lo': cssPct(Math.min(avgX, px)), '--hi': cssPct(Math.max(avgX, px)) } as CSSProperties}
                  />
                </div>
              </div>
            )
          })}

          {/* Shared axis */}
          <div className="hidden sm:block" />
          <div className="mt-1">
            <SalaryAxis ticks={ticks} x={x} currency={currency} />
          </div>
        </div>
      </div>

    </figure>
  )
}
