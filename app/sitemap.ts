import type { MetadataRoute } from 'next'
import { env } from '@/lib/env'
import { listSitemapRoles } from '@/lib/roles/sitemap-data'
import { absoluteUrl } from '@/lib/roles/structured-data'

// Built from the database, which `next build` must never open: rendered on each request instead
// of prerendered. The role list itself comes from `unstable_cache` (tag `roles`), so a request
// costs no query until a write refreshes the tag.
export const dynamic = 'force-dynamic'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const roles = await listSitemapRoles()
  // The roles index lists every role, so it changed when the latest role did.
  const latestRoleChange = roles.reduce<string | undefined>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), undefined)
  const url = (path: string) => absoluteUrl(path, env.SITE_URL)
  return [
    { url: url('/') },
    { url: url('/roles'), lastModified: latestRoleChange },
    ...roles.map((role) => ({ url: url(`/roles/${role.slug}`), lastModified: role.updatedAt })),
  ]
}
