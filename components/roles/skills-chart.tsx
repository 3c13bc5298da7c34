import type { CSSProperties, ReactNode } from 'react'
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
 * "Emerging" tag. The rows are a list whose text (skill, "Emerging", share) is what assistive technology
 * reads; only the bars and the colour key are hidden from it, so no second copy of the figures (a
 * table) weighs on every role page.
 */
export function SkillsChart({ skills, caption = 'Share of job postings that ask for each skill', className }: SkillsChartProps) {
  if (skills.length === 0) return null
  // Array#sort is stable: equal shares keep the order they came in (the editor's position).
  const sorted = [...skills].sort((a, b) => b.sharePct - a.sharePct)
  const hasEmerging = sorted.some((s) => s.isEmerging)

  return (
    <figure className={cn('relative rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6', className)}>
      <figcaption className="text-base font-semibold text-ink-900">{caption}</figcaption>

      {hasEmerging ? (
        <div aria-hidden="true" className="legend mt-3">
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

      <ul className="mt-4 space-y-3 sm:space-y-2.5">
        {sorted.map((skill) => (
          // One row per skill, so its classes are named once in globals.css (skill-*): the page's HTML
          // and its payload repeat a short name instead of the whole list.
          <li key={skill.slug} className="skill-row">
            <div className="skill-name">
              {skill.name}
              {skill.isEmerging ? <span className="skill-tag">Emerging</span> : null}
            </div>
            {/* The bar is the track's ::before, as wide as --w. */}
            <div aria-hidden="true" className={skill.isEmerging ? 'skill-track skill-emerging' : 'skill-track'} style={{ '--w': `${+barWidth(skill.sharePct).toFixed(1)}%` } as CSSProperties} />
            <div className="skill-pct">{formatPercent(skill.sharePct)}</div>
          </li>
        ))}
      </ul>
    </figure>
  )
}
