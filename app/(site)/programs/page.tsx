import type { Metadata } from 'next'
import Link from 'next/link'
import { ProgramCard } from '@/components/programs/program-card'
import { ClosingCtas } from '@/components/site/closing-ctas'
import { Container } from '@/components/ui/container'
import { listPublishedPrograms } from '@/lib/programs/data'
import { programFormatLabels, programFormatValues, type ProgramFormat } from '@/lib/programs/schema'
import { cn } from '@/lib/utils'

// Reads the query string (the format filter), so `next build` never prerenders it with data; the
// list comes from the data cache (tag `programs`).
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function parseFormat(params: Record<string, string | string[] | undefined>): ProgramFormat | undefined {
  const value = Array.isArray(params.format) ? params.format[0] : params.format
  return (programFormatValues as readonly string[]).includes(value ?? '') ? (value as ProgramFormat) : undefined
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const format = parseFormat(await searchParams)
  return {
    title: format ? `${programFormatLabels[format]} programs` : 'All of our programs',
    description: 'Courses, bootcamps, coaching and workshops from SkillsU trainers, for the skills employers ask for.',
    alternates: { canonical: format ? `/programs?format=${format}` : '/programs' },
  }
}

const pluralLabels: Record<ProgramFormat, string> = { course: 'Courses', bootcamp: 'Bootcamps', coaching: 'Coaching', workshop: 'Workshops' }

export default async function ProgramsPage({ searchParams }: Props) {
  const format = parseFormat(await searchParams)
  const all = await listPublishedPrograms()
  const shown = format ? all.filter((p) => p.format === format) : all
  const filters: { href: string; label: string; current: boolean }[] = [
    { href: '/programs', label: 'All formats', current: !format },
    ...programFormatValues.map((f) => ({ href: `/programs?format=${f}`, label: pluralLabels[f], current: format === f })),
  ]

  return (
    <>
      <section className="bg-gradient-to-b from-brand-50 to-white">
        <Container className="py-12 sm:py-16">
          <h1 className="text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">All of our programs</h1>
          <p className="mt-4 max-w-2xl text-lg text-ink-700">
            Courses, bootcamps, one-to-one coaching and hands-on workshops from our network of trainers, built around the skills employers ask for.
          </p>
        </Container>
      </section>
      <Container className="py-10">
        <nav aria-label="Program formats">
          <ul className="flex flex-wrap gap-2">
            {filters.map((f) => (
              <li key={f.href}>
                <Link
                  href={f.href}
                  aria-current={f.current ? 'page' : undefined}
                  className={cn(
                    'inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-semibold',
                    f.current ? 'border-brand-700 bg-brand-700 text-white' : 'border-ink-300 bg-white text-ink-800 hover:border-brand-400',
                  )}
                >
                  {f.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <h2 className="mt-8 text-2xl font-bold text-ink-950">
          {shown.length === 1 ? '1 program' : `${shown.length} programs`}
          {format ? ` · ${pluralLabels[format]}` : ''}
        </h2>
        {shown.length === 0 ? (
          <p className="mt-4 text-ink-700">
            No {format ? `${pluralLabels[format].toLowerCase()} are` : 'programs are'} published yet.{' '}
            {format && (
              <Link href="/programs" className="font-semibold text-brand-700 underline underline-offset-4">
                See all programs
              </Link>
            )}
          </p>
        ) : (
          <ul aria-label="Programs" className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
            {shown.map((p) => (
              <li key={p.slug}>
                <ProgramCard program={p} headingLevel="h3" />
              </li>
            ))}
          </ul>
        )}
      </Container>
      <ClosingCtas />
    </>
  )
}
