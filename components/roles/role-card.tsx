import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { RoleCardDto } from '@/lib/roles/data'
import { formatMoney, formatPercent } from '@/lib/roles/format'

export function RoleCard({ role, headingLevel = 'h3' }: { role: RoleCardDto; headingLevel?: 'h2' | 'h3' | 'h4' }) {
  const Heading = headingLevel
  return (
    <article className="group relative flex h-full flex-col rounded-xl border border-ink-200 bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md">
      <Badge variant="brand" className="self-start">
        {role.category.name}
      </Badge>
      <Heading className="mt-3 text-lg font-semibold text-ink-950">
        <Link href={`/roles/${role.slug}`} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none">
          {role.title}
        </Link>
      </Heading>
      <p className="mt-1 flex-1 text-sm text-ink-600">{role.summary}</p>
      <dl className="mt-4 grid grid-cols-2 gap-3 border-t border-ink-100 pt-4 text-sm">
        <div>
          <dt className="text-ink-600">Average salary</dt>
          <dd className="font-semibold text-ink-900">{role.salaryAvg ? formatMoney(role.salaryAvg, role.salaryCurrency) : 'Not published'}</dd>
        </div>
        <div>
          <dt className="text-ink-600">Projected growth</dt>
          <dd className="font-semibold text-ink-900">
            {role.growthRatePct === null ? 'Not published' : formatPercent(role.growthRatePct, { signed: true })}
          </dd>
        </div>
      </dl>
    </article>
  )
}
