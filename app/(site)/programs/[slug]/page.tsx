import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { JsonLd } from '@/components/seo/json-ld'
import { ClosingCtas } from '@/components/site/closing-ctas'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { Container } from '@/components/ui/container'
import { env } from '@/lib/env'
import { getPublishedProgram } from '@/lib/programs/data'
import { programFormatLabels, programLevelLabels } from '@/lib/programs/schema'

// Rendered on the first request for each slug, then served from the cache until its tags change
// (`programs`, `program:<slug>`). Drafts, archived and unknown programs are a 404.
export const dynamicParams = true
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const program = await getPublishedProgram((await params).slug)
  if (!program) return { title: 'Program not found' }
  return {
    title: `${program.title}: ${programFormatLabels[program.format].toLowerCase()}`,
    description: program.summary.slice(0, 300),
    alternates: { canonical: `/programs/${program.slug}` },
    openGraph: { type: 'article', title: program.title, description: program.summary, url: `/programs/${program.slug}` },
  }
}

export default async function ProgramPage({ params }: Props) {
  const program = await getPublishedProgram((await params).slug)
  if (!program) notFound()
  const url = new URL(`/programs/${program.slug}`, env.SITE_URL).toString()
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Course',
          name: program.title,
          description: program.summary,
          url,
          provider: { '@type': 'Organization', name: 'SkillsU', url: env.SITE_URL },
          ...(program.skills.length ? { teaches: program.skills.map((s) => s.name) } : {}),
        }}
      />
      <article>
        <header className="bg-gradient-to-b from-brand-50 to-white">
          <Container className="py-10 sm:py-14">
            <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
              <ol className="flex flex-wrap gap-2">
                <li>
                  <Link href="/" className="underline-offset-4 hover:underline">Home</Link> <span aria-hidden="true">/</span>
                </li>
                <li>
                  <Link href="/programs" className="underline-offset-4 hover:underline">Programs</Link> <span aria-hidden="true">/</span>
                </li>
                <li aria-current="page">{program.title}</li>
              </ol>
            </nav>
            <Badge variant="brand" className="mt-6">{programFormatLabels[program.format]}</Badge>
            <h1 className="mt-3 text-4xl font-extrabold tracking-tight text-ink-950 sm:text-5xl">{program.title}</h1>
            <p className="mt-4 max-w-3xl text-lg text-ink-700">{program.summary}</p>
            <dl className="mt-8 grid max-w-xl grid-cols-2 gap-4 sm:grid-cols-3">
              {[
                ['Format', programFormatLabels[program.format]],
                ['Duration', program.duration || 'Flexible'],
                ['Level', programLevelLabels[program.level]],
              ].map(([label, value]) => (
                <div key={label} className="rounded-lg border border-ink-200 bg-white p-3">
                  <dt className="text-xs text-ink-600">{label}</dt>
                  <dd className="mt-1 font-semibold text-ink-950">{value}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/demo" className={buttonVariants()}>Talk to our team</Link>
              <Link href="/signup" className={buttonVariants({ variant: 'outline' })}>Create your free profile</Link>
            </div>
          </Container>
        </header>

        <Container className="max-w-4xl space-y-12 py-12">
          {program.description && (
            <section aria-labelledby="about">
              <h2 id="about" className="text-2xl font-bold text-ink-950">About this program</h2>
              <div className="mt-4">
                {program.description.split(/\n{2,}/).map((p, i) => (
                  <p key={i} className="mb-4 leading-7 whitespace-pre-line text-ink-800 last:mb-0">{p}</p>
                ))}
              </div>
            </section>
          )}
          {program.skills.length > 0 && (
            <section aria-labelledby="skills">
              <h2 id="skills" className="text-2xl font-bold text-ink-950">Skills you will learn</h2>
              <ul className="mt-4 flex flex-wrap gap-2">
                {program.skills.map((s) => (
                  <li key={s.slug}>
                    <Link href={`/roles?skill=${s.slug}`} className="inline-flex min-h-9 items-center rounded-full border border-ink-300 bg-white px-3 text-sm font-medium text-ink-800 hover:border-brand-400">
                      {s.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {program.roles.length > 0 && (
            <section aria-labelledby="roles">
              <h2 id="roles" className="text-2xl font-bold text-ink-950">Roles it prepares you for</h2>
              <ul className="mt-4 list-disc space-y-2 pl-6 text-ink-800">
                {program.roles.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/roles/${r.slug}`} className="font-medium text-brand-700 underline-offset-4 hover:underline">{r.title}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </Container>
      </article>
      <ClosingCtas />
    </>
  )
}
