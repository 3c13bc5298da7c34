import 'server-only'
import { eq } from 'drizzle-orm'
import { db } from '@/db'
import { media } from '@/db/schema'

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The bytes of a public image. Non-image media (CVs) are never served by this path. */
export async function getPublicImage(id: string) {
  if (!uuidPattern.test(id)) return null
  const [row] = await db
    .select({ bytes: media.bytes, mimeType: media.mimeType, sha256: media.sha256 })
    .from(media)
    .where(eq(media.id, id))
    .limit(1)
  if (!row || !row.mimeType.startsWith('image/')) return null
  return row
}
