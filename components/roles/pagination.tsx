import Link from 'next/link'
import { cn } from '@/lib/utils'

/** Page links 1 … 4 5 [6] 7 8 … 20, with previous and next. */
export function pageWindow(page: number, pageCount: number, radius = 1): (number | 'gap')[] {
  const pages = new Set([1, pageCount])
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pageCount) pages.add(p)
  const sorted = [...pages].sort((a, b) => a - b)
  const out: (number | 'gap')[] = []
  for (const [i, p] of sorted.entries()) {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push('gap')
    out.push(p)
  }
  return out
}

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  const item = 'inline-flex min-w-10 items-center justify-center rounded-lg border px-3 py-2 text-sm font-medium'
  return (
    <nav aria-label="Pagination" className="mt-10 flex justify-center">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev" className={cn(item, 'border-ink-300 text-ink-800 hover:bg-ink-50')}>
              Previous
            </Link>
          </li>
        )}
        {pageWindow(page, pageCount).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-600">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
                className={cn(item, p === page ? 'border-brand-700 bg-brand-700 text-white' : 'border-ink-300 text-ink-800 hover:bg-ink-50')}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} rel="next" className={cn(item, 'border-ink-300 text-ink-800 hover:bg-ink-50')}>
              Next
            </Link>
          </li>
        )}
      </ul>
    </nav>
  )
}
