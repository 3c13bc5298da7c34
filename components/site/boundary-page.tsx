import Link from 'next/link'
import { Logo } from './logo'

const links = [
  { href: '/roles', label: 'Roles' },
  { href: '/trainers', label: 'For trainers' },
  { href: '/partnerships', label: 'Partnerships' },
]

const legal = [
  { href: '/privacy', label: 'Privacy policy' },
  { href: '/terms', label: 'Terms' },
]

const navItems = links.map((link) => (
  <li key={link.href}>
    <Link href={link.href} className="underline-offset-4 hover:underline">
      {link.label}
    </Link>
  </li>
))

const header = (
  <header className="border-b border-ink-200 bg-white">
    <div className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-2 sm:px-6 lg:px-8">
      <Logo />
      <nav aria-label="Main">
        <ul className="flex gap-4 text-sm font-medium text-ink-700">{navItems}</ul>
      </nav>
    </div>
  </header>
)

const footerNav = (
  <nav aria-label="Footer">
    <ul className="flex flex-wrap gap-4">
      {navItems}
      {legal.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className="underline-offset-4 hover:underline">
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  </nav>
)

/**
 * The frame of the root 404, 403 and 401 screens (outside the site layout): the logo, a few links
 * and a short footer, without the site header's menus or the footer's forms. Rendered by the client
 * components in boundary-screens.tsx, so it stays out of every page's payload.
 */
export function BoundaryPage({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      {header}
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <footer className="on-dark bg-surface-inverse text-sm text-ink-300">
        <div className="mx-auto flex max-w-6xl flex-wrap justify-between gap-4 px-4 py-8 sm:px-6 lg:px-8">
          <p>© {new Date().getFullYear()} SkillsU</p>
          {footerNav}
        </div>
      </footer>
    </div>
  )
}
