import Link from 'next/link'
import { listTrainersForSkills } from '@/lib/trainers/data'
import { TrainerCard } from './trainer-card'

export interface TrainersForSkillsProps {
  /** Slugs of the skills to match (e.g. the role's in-demand skills). */
  skillSlugs: string[]
  /** How many trainers to show (default 6). */
  limit?: number
  headingLevel?: 'h2' | 'h3'
}

/**
 * "Trainers for these skills": accepted trainers sharing the most of the given skills. Renders
 * nothing when none matches. Cached per set of skills; refreshed by the `trainers` tag.
 */
export async function TrainersForSkills({ skillSlugs, limit, headingLevel = 'h2' }: TrainersForSkillsProps) {
  const trainers = await listTrainersForSkills(skillSlugs, limit)
  if (trainers.length === 0) return null
  const Heading = headingLevel
  return (
    <section aria-labelledby="trainers-for-skills" className="scroll-mt-24">
      <Heading id="trainers-for-skills" className="h-section">
        Trainers for these skills
      </Heading>
      <p className="mt-2 text-ink-700">Trainers, coaches and consultants in the SkillsU network who work with these skills.</p>
      <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
        {trainers.map((t, i) => (
          <li key={`${i}-${t.name}`}>
            <TrainerCard trainer={t} headingLevel={headingLevel === 'h2' ? 'h3' : 'h4'} />
          </li>
        ))}
      </ul>
      <p className="mt-4">
        <Link href="/trainers" className="link-more">
          Become a SkillsU trainer
        </Link>
      </p>
    </section>
  )
}
