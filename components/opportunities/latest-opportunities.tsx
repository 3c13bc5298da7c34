import Link from 'next/link'
import { listLatestOpportunitiesForRole } from '@/lib/opportunities/data'
import { OpportunityCard } from './opportunity-card'

export interface LatestOpportunitiesProps {
  /** The role's slug (or id). */
  role: string
  /** The role's title, for the heading ("Latest Back-End Developer opportunities"). */
  roleTitle: string
  /** How many to show (default 3). */
  limit?: number
  /** The section heading's level (default h2); cards use the level below it. */
  headingLevel?: 'h2' | 'h3'
}

/**
 * The newest published, unexpired opportunities for a role, for the role page. Renders nothing
 * when there are none. Its data is cached (tags `opportunities` and `role:<slug>`) with a
 * lifetime that ends at the next expiry, which the ISR page rendering it inherits.
 */
export async function LatestOpportunities({ role, roleTitle, limit = 3, headingLevel = 'h2' }: LatestOpportunitiesProps) {
  const opportunities = await listLatestOpportunitiesForRole(role, limit)
  if (opportunities.length === 0) return null
  const Heading = headingLevel
  const headingId = 'latest-opportunities'
  return (
    <section aria-labelledby={headingId} className="scroll-mt-24">
      <Heading id={headingId} className="h-section">
        Latest {roleTitle} opportunities
      </Heading>
      <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {opportunities.map((o) => (
          <li key={o.id}>
            <OpportunityCard opportunity={o} headingLevel={headingLevel === 'h2' ? 'h3' : 'h4'} showRole={false} />
          </li>
        ))}
      </ul>
      <p className="mt-4">
        <Link href={`/opportunities?role=${encodeURIComponent(opportunities[0]!.role?.slug ?? role)}`} className="link-more">
          All {roleTitle} opportunities
        </Link>
      </p>
    </section>
  )
}
