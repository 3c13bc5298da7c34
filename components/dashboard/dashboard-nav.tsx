'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { cn } from '@/lib/utils'

const links = [
  { href: '/dashboard', label: 'Overview' },
  { href: '/dashboard/profile', label: 'Profile' },
  { href: '/dashboard/applications', label: 'Applications' },
  { href: '/dashboard/settings', label: 'Settings' },
  { href: '/dashboard/security', label: 'Security' },
]

const isActive = (pathname: string, href: string) => pathname === href || (href !== '/dashboard' && pathname.startsWith(`${href}/`))

export function DashboardNav() {
  const pathname = usePathname()
  return (
    <nav aria-label="Dashboard" className="mt-4 border-b border-ink-200">
      <ul className="-mb-px flex gap-6">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={isActive(pathname, l.href) ? 'page' : undefined}
              className={cn('inline-block border-b-2 px-1 pb-3 text-sm font-semibold', isActive(pathname, l.href) ? 'border-brand-700 text-brand-800' : 'border-transparent text-ink-700 hover:text-ink-950')}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
