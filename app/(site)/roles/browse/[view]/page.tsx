import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Catalogue } from '@/components/roles/catalogue'
import { defaultCatalogueQuery } from '@/lib/roles/catalogue'

/**
 * The unfiltered catalogue, which `/roles` without a query string is rewritten to: a route with a
 * parameter, so it is rendered on its first request and then served from the cache like the role
 * pages (a static route would be prerendered by `next build`, which never opens the database).
 */
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ view: string }[]> {
  return []
}

export const metadata: Metadata = {
  title: 'Career roles',
  description: 'Browse career roles by category, skill and salary: what each role involves, the skills employers ask for and what it pays.',
  alternates: { canonical: '/roles' },
}

export default async function AllRolesPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== 'all') notFound()
  return <Catalogue query={defaultCatalogueQuery} problems={[]} />
}
