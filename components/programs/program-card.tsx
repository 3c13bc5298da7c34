import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { ProgramCardDto } from '@/lib/programs/data'
import { programFormatLabels, programLevelLabels } from '@/lib/programs/schema'

/** A program in a list: format, title (the link), summary, duration and level. */
export function ProgramCard({ program: p, headingLevel = 'h3', children }: { program: ProgramCardDto; headingLevel?: 'h2' | 'h3' | 'h4'; children?: React.ReactNode }) {
  const Heading = headingLevel
  return (
    <article className="relative flex h-full flex-col rounded-xl border border-ink-200 bg-white p-5 shadow-sm transition hover:border-brand-300 hover:shadow-md">
      <Badge variant="brand" className="self-start">
        {programFormatLabels[p.format]}
      </Badge>
      <Heading className="mt-3 text-lg font-semibold text-ink-950">
        <Link href={`/programs/${p.slug}`} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none">
          {p.title}
        </Link>
      </Heading>
      <p className="mt-1 flex-1 text-sm text-ink-700">{p.summary}</p>
      <dl className="mt-4 grid grid-cols-2 gap-3 border-t border-ink-100 pt-4 text-sm">
        <div>
          <dt className="text-ink-600">Duration</dt>
          <dd className="font-semibold text-ink-900">{p.duration || 'Flexible'}</dd>
        </div>
        <div>
          <dt className="text-ink-600">Level</dt>
          <dd className="font-semibold text-ink-900">{programLevelLabels[p.level]}</dd>
        </div>
      </dl>
      {children}
    </article>
  )
}
