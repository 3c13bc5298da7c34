import 'server-only'
import { and, asc, eq, isNull } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { media, partners } from '@/db/schema'
import { tags } from '@/lib/cache-tags'

export interface PartnerLogoDto {
  name: string
  websiteUrl: string | null
  logo: { src: string; width: number; height: number; alt: string } | null
}

/** Visible partners in display order, for the logo strip. Cached; refreshed by the `partners` tag. */
export const listVisiblePartners = unstable_cache(
  async (): Promise<PartnerLogoDto[]> => {
    const rows = await db
      .select({
        name: partners.name,
        websiteUrl: partners.websiteUrl,
        mediaId: media.id,
        width: media.width,
        height: media.height,
        alt: media.altText,
      })
      .from(partners)
      .leftJoin(media, eq(media.id, partners.logoMediaId))
      .where(and(eq(partners.visible, true), isNull(partners.deletedAt)))
      .orderBy(asc(partners.displayOrder), asc(partners.name))
    return rows.map((r) => ({
      name: r.name,
      websiteUrl: r.websiteUrl,
      logo: r.mediaId
        ? { src: `/media/${r.mediaId}`, width: r.width ?? 96, height: r.height ?? 96, alt: r.alt || `${r.name} logo` }
        : null,
    }))
  },
  ['partners:visible'],
  { tags: [tags.partners] },
)
