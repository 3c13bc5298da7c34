import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { OpportunityCardDto } from '@/lib/opportunities/data'
import { dateFromExpiresAt, employmentTypeLabels } from '@/lib/opportunities/schema'
import { formatDate } from '@/lib/roles/format'

/**
 * One opportunity: where, what kind, a short description and the link to apply on the employer's site.
 * Its repeated pieces are named once in globals.css (opp-*): role pages list several cards.
 */
export function OpportunityCard({ opportunity: o, headingLevel = 'h3', showRole = true }: { opportunity: OpportunityCardDto; headingLevel?: 'h2' | 'h3' | 'h4'; showRole?: boolean }) {
  const Heading = headingLevel
  const where = [o.remote ? 'Remote' : null, o.location || null].filter(Boolean).join(' · ')
  return (
    <article className="card">
      <div className="flex flex-wrap gap-2">
        <Badge variant="brand">{employmentTypeLabels[o.employmentType]}</Badge>
        {o.remote && <Badge variant="success">Remote</Badge>}
      </div>
      <Heading className="card-title">{o.title}</Heading>
      <p className="text-sm font-medium text-ink-800">{o.company}</p>
      <dl className="opp-facts">
        {where && (
          <div>
            <dt className="sr-only">Location</dt>
            <dd>{where}</dd>
          </div>
        )}
        {showRole && o.role && (
          <div>
            <dt>Role:</dt>
            <dd>
              <Link href={`/roles/${o.role.slug}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">
                {o.role.title}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Posted</dt>
          <dd>
            <time dateTime={o.publishedAt}>{formatDate(o.publishedAt)}</time>
          </dd>
        </div>
        {o.expiresAt && (
          <div>
            <dt>Apply by</dt>
            <dd>
              <time dateTime={dateFromExpiresAt(o.expiresAt)}>{formatDate(dateFromExpiresAt(o.expiresAt))}</time>
            </dd>
          </div>
        )}
      </dl>
      <p className="mt-3 flex-1 text-sm leading-6 text-ink-700">{o.description}</p>
      <a
        href={o.applyUrl}
        rel="noopener noreferrer nofollow"
        className="opp-apply"
      >
        Apply on the employer’s site<span className="sr-only">: {o.title} at {o.company}</span>
      </a>
    </article>
  )
}
