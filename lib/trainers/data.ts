import 'server-only'
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { skills, trainerProfiles, trainerSkills, users } from '@/db/schema'
import { tags } from '@/lib/cache-tags'

/** A public trainer card: no ids, no contact details. */
export interface TrainerCardDto {
  name: string
  headline: string
  /** The trainer's skills among the ones asked for, by name. */
  matchedSkills: string[]
}

export const trainerCardLimit = 6

const trainersForSkillsCached = unstable_cache(
  async (skillSlugs: string[], limit: number): Promise<TrainerCardDto[]> => {
    if (!skillSlugs.length) return []
    return db
      .select({
        name: users.name,
        headline: trainerProfiles.headline,
        matchedSkills: sql<string[]>`array_agg(${skills.name} order by ${skills.name})`,
      })
      .from(trainerProfiles)
      .innerJoin(users, eq(users.id, trainerProfiles.userId))
      .innerJoin(trainerSkills, eq(trainerSkills.userId, trainerProfiles.userId))
      .innerJoin(skills, eq(skills.id, trainerSkills.skillId))
      // Shown: visible cards of active accounts that are still trainers (or staff who were accepted);
      // an account moved back to candidate keeps its row but loses its card.
      .where(and(eq(trainerProfiles.visible, true), isNull(users.disabledAt), ne(users.role, 'candidate'), inArray(skills.slug, skillSlugs)))
      .groupBy(trainerProfiles.userId, users.name, trainerProfiles.headline)
      .orderBy(sql`count(*) desc`, asc(users.name), asc(trainerProfiles.userId))
      .limit(limit)
  },
  ['trainers:for-skills'],
  { tags: [tags.trainers, tags.skills] },
)

/**
 * Trainers whose skills overlap the given ones (by skill slug), the best overlap first, for the
 * role pages. Cached per set of skills; refreshed by the `trainers` tag (an acceptance) and `skills`.
 */
export async function listTrainersForSkills(skillSlugs: string[], limit = trainerCardLimit): Promise<TrainerCardDto[]> {
  const wanted = [...new Set(skillSlugs.map((s) => s.trim().toLowerCase()).filter((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length <= 80))].sort().slice(0, 50)
  const size = Math.max(1, Math.min(24, Math.trunc(limit) || 1))
  return trainersForSkillsCached(wanted, size)
}
