/**
 * The benchmark's baseline body: fixed, data-free HTML of about a role page's size (sections of
 * headings, paragraphs and lists), so a baseline and a real page cost the same to send.
 */
const sections = 24
const words = ['skills', 'salary', 'demand', 'training', 'growth', 'engineers', 'platform', 'teams', 'employers', 'postings', 'roles', 'careers']

function sentence(seed: number): string {
  const picked = Array.from({ length: 14 }, (_, i) => words[(seed * 7 + i * 5) % words.length])
  return `${picked.join(' ')}.`
}

export function BaselineContent({ label, extra }: { label: string; extra?: string }) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold text-ink-950">Benchmark baseline: {label}</h1>
      {extra && <p className="mt-2 text-sm text-ink-700">{extra}</p>}
      {Array.from({ length: sections }, (_, s) => (
        <section key={s} aria-labelledby={`s${s}`} className="mt-8">
          <h2 id={`s${s}`} className="text-xl font-semibold text-ink-900">Section {s + 1}</h2>
          {[0, 1, 2].map((p) => (
            <p key={p} className="mt-3 leading-relaxed text-ink-800">
              {sentence(s * 3 + p)} {sentence(s * 3 + p + 1)} {sentence(s * 3 + p + 2)}
            </p>
          ))}
          <ul className="mt-3 list-disc pl-6 text-ink-800">
            {[0, 1, 2, 3, 4].map((i) => (
              <li key={i}>{sentence(s + i)}</li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  )
}
