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
          <div className="legend mt-3">
            <span>
              <span className="h-3 w-5 rounded-sm bg-brand-600" />
              Established skill
            </span>
            <span>
              <span className="h-3 w-5 rounded-sm bg-accent-700" />
              Emerging skill
            </span>
          </div>
        ) : null}

        <div className="mt-4 space-y-3 sm:space-y-2.5">
          {sorted.map((skill) => (
            // One row per skill, so its classes are named once in globals.css (skill-*): the page's HTML
            // and its payload repeat a short name instead of the whole list.
            <div key={skill.slug} className="skill-row">
              <div className="skill-name">
                <span>{skill.name}</span>
                {skill.isEmerging ? <span className="skill-tag">Emerging</span> : null}
              </div>
              <div className="skill-track">
                <div className={skill.isEmerging ? 'skill-bar skill-bar-emerging' : 'skill-bar'} style={{ width: `${barWidth(skill.sharePct).toFixed(2)}%` }} />
              </div>
              <div className="skill-pct">{formatPercent(skill.sharePct)}</div>
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
