import type { ReactNode } from 'react'
import { SalaryAxis, salaryAxis, SalaryLegend, SalaryRangeTrack } from '@/components/roles/salary-chart'
import type { RolePageDto } from '@/lib/roles/data'
import { formatMoney } from '@/lib/roles/format'
import { cn } from '@/lib/utils'

export type SalaryCompareChartProps = {
  roles: { title: string; slug: string; salary: RolePageDto['salary'] }[]
  /** Visible caption; defaults to "Annual salary ranges[, <region> (<currency>)]". */
  caption?: ReactNode
  className?: string
}

/** Room left on the axis past an open-ended maximum (matches SalaryChart). */
const OPEN_END_ROOM = 1.06

/**
 * Salary ranges of two or three roles on one shared axis, so their bars can be compared directly. Each row
 * is labelled with the role title and its figures; a role without a published range keeps its row with a
 * note. The graphic is hidden from assistive technology, which reads an equivalent table instead.
 * Renders nothing when no role has a full range.
 */
export function SalaryCompareChart({ roles, caption, className }: SalaryCompareChartProps) {
  const rows = roles.map((role) => {
    const { min, avg, max } = role.salary
    return { ...role, range: min !== null && avg !== null && max !== null ? { min, avg, max } : null }
  })
  const ranged = rows.flatMap((r) => (r.range ? [{ ...r.range, openEnded: r.salary.maxOpenEnded }] : []))
  if (ranged.length === 0) return null

  const { ticks, x } = salaryAxis(ranged.flatMap((r) => [r.min, r.max * (r.openEnded ? OPEN_END_ROOM : 1)]))
  const currencies = new Set(rows.map((r) => r.salary.currency))
  const regions = new Set(rows.map((r) => r.salary.region))
  const sameCurrency = currencies.size === 1
  const currency = rows[0]?.salary.currency ?? 'USD'
  const where = regions.size === 1 && sameCurrency ? `, ${rows[0]?.salary.region} (${currency})` : ''

  return (
    <figure className={cn('relative rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6', className)}>
      <figcaption className="text-base font-semibold text-ink-900">{caption ?? `Annual salary ranges${where}`}</figcaption>
      {!sameCurrency ? (
        <p className="mt-1 text-sm text-ink-600">These roles report salaries in different currencies, so the bars are not directly comparable.</p>
      ) : null}

      <div aria-hidden="true" className="mt-3">
        <SalaryLegend openEnded={ranged.some((r) => r.openEnded)} />

        <div className="mt-4 grid grid-cols-1 gap-x-6 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:items-center">
          {rows.map((row, i) => {
            const money = (n: number, openEnded = false) => formatMoney(n, row.salary.currency, openEnded)
            return (
              <div key={row.slug} className="contents">
                <div className={cn('text-sm sm:mt-0 sm:py-2.5', i > 0 && 'mt-2')}>
                  <p className="font-medium text-ink-900">{row.title}</p>
                  {row.range ? (
                    <p className="text-ink-600 tabular-nums">
                      <span className="whitespace-nowrap">
                        {money(row.range.min)} – {money(row.range.max, row.salary.maxOpenEnded)}
                      </span>
                      <span className="sm:hidden"> · </span>
                      <span className="whitespace-nowrap sm:block">average {money(row.range.avg)}</span>
                    </p>
                  ) : null}
                </div>
                <div className="flex items-center pt-2 pb-4 sm:py-3">
                  {row.range ? (
                    <div className="w-full">
                      <SalaryRangeTrack
                        min={row.range.min}
                        avg={row.range.avg}
                        max={row.range.max}
                        openEnded={row.salary.maxOpenEnded}
                        ticks={ticks}
                        x={x}
                      />
                    </div>
                  ) : (
                    <p className="text-sm text-ink-600 italic">Salary not published</p>
                  )}
                </div>
              </div>
            )
          })}

          <div className="hidden sm:block" />
          <div className="mt-1">
            <SalaryAxis ticks={ticks} x={x} currency={currency} />
          </div>
        </div>
      </div>

      {/* sr-only on the wrapper, not the table: a table ignores width: 1px and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Annual salary by role{where}</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Minimum</th>
              <th scope="col">Average</th>
              <th scope="col">Maximum</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const money = (n: number) => formatMoney(n, row.salary.currency)
              return (
                <tr key={row.slug}>
                  <th scope="row">{row.title}</th>
                  {row.range ? (
                    <>
                      <td>{money(row.range.min)}</td>
                      <td>{money(row.range.avg)}</td>
                      <td>{row.salary.maxOpenEnded ? `${money(row.range.max)} or more` : money(row.range.max)}</td>
                    </>
                  ) : (
                    <td colSpan={3}>Not published</td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
