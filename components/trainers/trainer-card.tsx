import type { TrainerCardDto } from '@/lib/trainers/data'

/** Initials for the avatar circle ("Ada Lovelace" -> "AL"). */
function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?'
}

/** A trainer in a list: name, headline and the skills that matched. */
export function TrainerCard({ trainer, headingLevel = 'h3' }: { trainer: TrainerCardDto; headingLevel?: 'h3' | 'h4' }) {
  const Heading = headingLevel
  return (
    <article className="card">
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="flex size-11 shrink-0 items-center justify-center rounded-full bg-brand-100 text-sm font-bold text-brand-800">
          {initials(trainer.name)}
        </span>
        <div className="min-w-0">
          <Heading className="text-lg font-semibold break-words text-ink-950">{trainer.name}</Heading>
          <p className="text-sm break-words text-ink-700">{trainer.headline}</p>
        </div>
      </div>
      <p className="mt-4 border-t border-ink-100 pt-3 text-sm text-ink-700">
        <span className="font-medium text-ink-800">Skills: </span>
        {trainer.matchedSkills.join(', ')}
      </p>
    </article>
  )
}
