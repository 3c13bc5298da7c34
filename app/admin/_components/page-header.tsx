import Link from 'next/link'

/** Title, breadcrumbs and page actions at the top of every admin page. */
export function PageHeader({ title, crumbs = [], actions }: { title: string; crumbs?: { href: string; label: string }[]; actions?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-600">
        <ol className="flex flex-wrap gap-2">
          <li>
            <Link href="/admin" className="underline-offset-4 hover:underline">
              Admin
            </Link>
          </li>
          {crumbs.map((c) => (
            <li key={c.href}>
              <span aria-hidden="true">/ </span>
              <Link href={c.href} className="underline-offset-4 hover:underline">
                {c.label}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-ink-950">{title}</h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  )
}
