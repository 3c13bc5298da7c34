import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import type { ProgramCardDto } from '@/lib/programs/data'
import { programFormatLabels, programLevelLabels } from '@/lib/programs/schema'

/** A program in a list: format, title (the link), summary, duration and level. */
export function ProgramCard({ program: p, headingLevel = 'h3', children }: { program: ProgramCardDto; headingLevel?: 'h2' | 'h3' | 'h4'; children?: React.ReactNode }) {
  const Heading = headingLevel
  return (
    <article className="card card-hover">
      <Badge variant="brand" className="self-start">
        {programFormatLabels[p.format]}
      </Badge>
      <Heading className="card-title">
        <Link href={`/programs/${p.slug}`} className="card-link">
          {p.title}
        </Link>
      </Heading>
      <p className="mt-1 flex-1 text-sm text-ink-700">{p.summary}</p>
      <dl className="card-facts">
        <div>
          <dt>Duration</dt>
          <dd>{p.duration || 'Flexible'}</dd>
        </div>
        <div>
          <dt>Level</dt>
          <dd>{programLevelLabels[p.level]}</dd>
        </div>
      </dl>
      {children}
    </article>
  )
}
