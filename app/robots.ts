import type { MetadataRoute } from 'next'
import { env } from '@/lib/env'
import { absoluteUrl } from '@/lib/roles/structured-data'

// No database here, but SITE_URL is a runtime setting: a prerendered robots.txt would keep the
// build machine's value (by default http://localhost:3000). Rendering it per request costs nothing.
export const dynamic = 'force-dynamic'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/dashboard', '/api'] },
    sitemap: absoluteUrl('/sitemap.xml', env.SITE_URL),
  }
}
