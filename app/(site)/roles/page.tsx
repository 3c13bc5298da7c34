import type { Metadata } from 'next'
import { Catalogue } from '@/components/roles/catalogue'
import { parseCatalogueQuery } from '@/lib/roles/catalogue'

// Searched and filtered views render per request; the plain `/roles` is rewritten to the cached
// `roles/browse/all` (see next.config.ts).
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { query } = parseCatalogueQuery(await searchParams)
  return {
    title: query.q ? `Roles for “${query.q}”` : 'Career roles',
    description: 'Browse career roles by category, skill and salary.',
    alternates: { canonical: '/roles' },
    // Search result pages are for people, not for search engines.
    robots: query.q ? { index: false, follow: true } : undefined,
  }
}

export default async function RolesPage({ searchParams }: Props) {
  const { query, problems } = parseCatalogueQuery(await searchParams)
  return <Catalogue query={query} problems={problems} />
}
