import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'

/** Previous / next links that keep the current filters; `label` names the navigation landmark. */
export function Pager({ page, pageCount, params, basePath, label }: { page: number; pageCount: number; params: Record<string, string | undefined>; basePath: string; label: string }) {
  if (pageCount <= 1) return null
  const href = (p: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) if (value) search.set(key, value)
    if (p > 1) search.set('page', String(p))
    const query = search.toString()
    return query ? `${basePath}?${query}` : basePath
  }
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-ink-700">
      <p>
        Page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} rel="prev" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={href(page + 1)} rel="next" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
            Next page
          </Link>
        ) : null}
      </div>
    </nav>
  )
}
