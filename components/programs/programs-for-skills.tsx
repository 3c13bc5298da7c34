import Link from 'next/link'
import { listProgramsTeachingSkills } from '@/lib/programs/data'
import { ProgramCard } from './program-card'

export interface ProgramsForSkillsProps {
  /** Slugs of the skills to match (e.g. the role's in-demand skills: `role.skills.map((s) => s.slug)`). */
  skillSlugs: string[]
  /** How many programs to show (default 3). */
  limit?: number
  /** Section heading (default "Programs that teach these skills"). */
  title?: string
  /** The section heading's level (default h2); cards use the level below it. */
  headingLevel?: 'h2' | 'h3'
}

/**
 * Published programs teaching the most of the given skills, for the role page. Renders nothing
 * when none matches. Cached per set of skills; refreshed by the `programs` and `skills` tags.
 */
export async function ProgramsForSkills({ skillSlugs, limit = 3, title = 'Programs that teach these skills', headingLevel = 'h2' }: ProgramsForSkillsProps) {
  const programs = await listProgramsTeachingSkills(skillSlugs, limit)
  if (programs.length === 0) return null
  const Heading = headingLevel
  return (
    <section aria-labelledby="programs-for-skills" className="scroll-mt-24">
      <Heading id="programs-for-skills" className="h-section">
        {title}
      </Heading>
      <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {programs.map((p) => (
          <li key={p.slug}>
            <ProgramCard program={p} headingLevel={headingLevel === 'h2' ? 'h3' : 'h4'}>
              <p className="mt-3 text-sm text-ink-700">
                <span className="font-medium text-ink-800">Teaches: </span>
                {p.matchedSkills.join(', ')}
              </p>
            </ProgramCard>
          </li>
        ))}
      </ul>
      <p className="mt-4">
        <Link href="/programs" className="link-more">
          All of our programs
        </Link>
      </p>
    </section>
  )
}
