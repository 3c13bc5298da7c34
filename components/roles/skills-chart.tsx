import type { ReactNode } from 'react'
import type { RolePageDto } from '@/lib/roles/data'
import { linearScale } from '@/lib/roles/chart-scale'
import { formatPercent } from '@/lib/roles/format'
import { cn } from '@/lib/utils'

export type SkillsChartProps = {
  skills: RolePageDto['skills']
  /** Visible caption of the figure. */
  caption?: ReactNode
  className?: string
}

/** Bar length as a CSS percentage of the track (the track is 0–100% of job postings). */
const barWidth = linearScale([0, 100], [0, 100])

/**
 * Horizontal bars of the share of job postings asking for each skill, largest first. HTML/CSS bars (no
 * client JavaScript) stay crisp and legible at any width; emerging skills get another colour and an
 * "Emerging" tag. The bars are hidden from assistive technology, which reads an equivalent table instead.
 */
export function SkillsChart({ skills, caption = 'Share of job postings that ask for each skill', className }: SkillsChartProps) {
  if (skills.length === 0) return null
  // Array#sort is stable: equal shares keep the order they came in (the editor's position).
  const sorted = [...skills].sort((a, b) => b.sharePct - a.sharePct)
  const hasEmerging = sorted.some((s) => s.isEmerging)

  return (
    <figure className={cn('relative rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6', className)}>
      <figcaption className="text-base font-semibold text-ink-900">{caption}</figcaption>

      <div aria-hidden="true">
        {hasEmerging ? (
          <div className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink-600">
            <span className="inline-flex items-center gap-2">
              <span className="h-3 w-5 rounded-sm bg-brand-600" />
              Established skill
            </span>
            <span className="inline-flex items-center gap-2">
              <span className="h-3 w-5 rounded-sm bg-accent-700" />
              Emerging skill
            </span>
          </div>
        ) : null}

        <div className="mt-4 space-y-3 sm:space-y-2.5">
          {sorted.map((skill) => (
            <div
              key={skill.slug}
              className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 sm:grid-cols-[minmax(0,13rem)_minmax(0,1fr)_3.5rem]"
            >
              <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
                <span className="font-medium text-ink-900">{skill.name}</span>
                {skill.isEmerging ? (
                  <span className="rounded-full bg-accent-50 px-2 text-xs leading-5 font-medium text-accent-800 ring-1 ring-accent-200 ring-inset">
                    Emerging
                  </span>
                ) : null}
              </div>
              <div className="col-span-2 row-start-2 h-3 overflow-hidden rounded-full bg-ink-100 sm:col-span-1 sm:col-start-2 sm:row-start-1">
                <div
                  className={cn('h-full rounded-full', skill.isEmerging ? 'bg-accent-700' : 'bg-brand-600')}
                  style={{ width: `${barWidth(skill.sharePct).toFixed(2)}%` }}
                />
              </div>
              <div className="col-start-2 row-start-1 text-right text-sm font-semibold text-ink-900 tabular-nums sm:col-start-3">
                {formatPercent(skill.sharePct)}
              </div>
            </div>
          ))}
        </div>
      </div>

      {/* sr-only on the wrapper, not the table: a table ignores width: 1px and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>Skills by share of job postings</caption>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col">Share of job postings</th>
              <th scope="col">Emerging skill</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((skill) => (
              <tr key={skill.slug}>
                <th scope="row">{skill.name}</th>
                <td>{formatPercent(skill.sharePct)}</td>
                <td>{skill.isEmerging ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
