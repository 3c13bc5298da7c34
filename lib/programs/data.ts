import 'server-only'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { unstable_cache } from 'next/cache'
import { db } from '@/db'
import { programRoles, programs, programSkills, roles, skills } from '@/db/schema'
import { tags } from '@/lib/cache-tags'
import type { ProgramFormat, ProgramLevel } from './schema'

/** What a program card shows. */
export interface ProgramCardDto {
  slug: string
  title: string
  summary: string
  format: ProgramFormat
  duration: string
  level: ProgramLevel
}

export interface ProgramDetailDto extends ProgramCardDto {
  description: string
  /** Published roles the program prepares for. */
  roles: { slug: string; title: string }[]
  skills: { slug: string; name: string }[]
}

export interface ProgramForSkillsDto extends ProgramCardDto {
  /** The asked-for skills this program teaches, by name. */
  matchedSkills: string[]
}

const publicProgram = and(eq(programs.status, 'published'), isNull(programs.deletedAt))

const cardColumns = {
  slug: programs.slug,
  title: programs.title,
  summary: programs.summary,
  format: programs.format,
  duration: programs.duration,
  level: programs.level,
}

/** Every published program, by title. Cached; refreshed by the `programs` tag. */
export const listPublishedPrograms = unstable_cache(
  async (): Promise<ProgramCardDto[]> => db.select(cardColumns).from(programs).where(publicProgram).orderBy(asc(programs.title)),
  ['programs:published'],
  { tags: [tags.programs] },
)

async function queryPublishedProgram(slug: string): Promise<ProgramDetailDto | null> {
  const [program] = await db
    .select({ id: programs.id, ...cardColumns, description: programs.description })
    .from(programs)
    .where(and(eq(programs.slug, slug), publicProgram))
  if (!program) return null
  const [roleRows, skillRows] = await Promise.all([
    db
      .select({ slug: roles.slug, title: roles.title })
      .from(programRoles)
      .innerJoin(roles, and(eq(roles.id, programRoles.roleId), eq(roles.status, 'published'), isNull(roles.deletedAt)))
      .where(eq(programRoles.programId, program.id))
      .orderBy(asc(roles.title)),
    db
      .select({ slug: skills.slug, name: skills.name })
      .from(programSkills)
      .innerJoin(skills, eq(skills.id, programSkills.skillId))
      .where(eq(programSkills.programId, program.id))
      .orderBy(asc(skills.name)),
  ])
  const { id: _id, ...rest } = program
  return { ...rest, roles: roleRows, skills: skillRows }
}

/**
 * A published program by slug, or null (drafts, archived and trashed programs are not public).
 * Cached per slug; refreshed by `program:<slug>` and `programs`, and by role and skill changes.
 */
export async function getPublishedProgram(slug: string): Promise<ProgramDetailDto | null> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 80) return null
  return unstable_cache(queryPublishedProgram, ['programs:detail'], { tags: [tags.programs, tags.program(slug), tags.roles, tags.skills] })(slug)
}

const teachingSkillsCached = unstable_cache(
  async (skillSlugs: string[], limit: number): Promise<ProgramForSkillsDto[]> => {
    if (!skillSlugs.length) return []
    const rows = await db
      .select({
        ...cardColumns,
        matchedSkills: sql<string[]>`array_agg(${skills.name} order by ${skills.name})`,
      })
      .from(programs)
      .innerJoin(programSkills, eq(programSkills.programId, programs.id))
      .innerJoin(skills, eq(skills.id, programSkills.skillId))
      .where(and(publicProgram, inArray(skills.slug, skillSlugs)))
      .groupBy(programs.id)
      .orderBy(sql`count(*) desc`, asc(programs.title))
      .limit(limit)
    return rows
  },
  ['programs:teaching-skills'],
  { tags: [tags.programs, tags.skills] },
)

/**
 * Published programs that teach any of the given skills (by skill slug), those teaching the most
 * of them first. Cached per set of skills; refreshed by the `programs` and `skills` tags.
 */
export async function listProgramsTeachingSkills(skillSlugs: string[], limit = 3): Promise<ProgramForSkillsDto[]> {
  const wanted = [...new Set(skillSlugs.map((s) => s.trim().toLowerCase()).filter((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length <= 80))].sort().slice(0, 50)
  const size = Math.max(1, Math.min(24, Math.trunc(limit) || 1))
  return teachingSkillsCached(wanted, size)
}
