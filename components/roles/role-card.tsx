import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { RoleCardDto } from '@/lib/roles/data'
import { formatMoney, formatPercent } from '@/lib/roles/format'

export function RoleCard({ role, headingLevel = 'h3' }: { role: RoleCardDto; headingLevel?: 'h2' | 'h3' | 'h4' }) {
  const Heading = headingLevel
  return (
    <article className="card card-hover">
      <Badge variant="brand" className="self-start">
        {role.category.name}
      </Badge>
      <Heading className="card-title">
        <Link href={`/roles/${role.slug}`} className="card-link">
          {role.title}
        </Link>
      </Heading>
      <p className="mt-1 flex-1 text-sm text-ink-600">{role.summary}</p>
      <dl className="card-facts">
        <div>
          <dt>Average salary</dt>
          <dd>{role.salaryAvg ? formatMoney(role.salaryAvg, role.salaryCurrency) : 'Not published'}</dd>
        </div>
        <div>
          <dt>Projected growth</dt>
          <dd>
            {role.growthRatePct === null ? 'Not published' : formatPercent(role.growthRatePct, { signed: true })}
          </dd>
        </div>
      </dl>
    </article>
  )
}
