import Link from 'next/link'
import { Container } from '@/components/ui/container'
import { cn } from '@/lib/utils'
import { AccountLink } from './account-link'
import { Logo } from './logo'
import { MobileNav, type NavLink } from './mobile-nav'

export const mainNavLinks: NavLink[] = [
  { href: '/roles', label: 'Roles' },
  { href: '/trainers', label: 'For trainers' },
  { href: '/partnerships', label: 'Partnerships' },
  { href: '/demo', label: 'Book a demo' },
]

const signInLink: NavLink = { href: '/login', label: 'Sign in' }

export function SiteHeader({ className }: { className?: string }) {
  return (
    <header className={cn('sticky top-0 z-40 border-b border-ink-200 bg-white', className)}>
      <a
        href="#main"
        className="skip-link"
      >
        Skip to content
      </a>
      <Container className="flex h-16 items-center justify-between gap-4">
        <Logo />
        <nav aria-label="Main" className="hidden md:block">
          <ul className="flex items-center gap-1 lg:gap-2">
            {mainNavLinks.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="nav-link"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="hidden md:block">
          <AccountLink />
        </div>
        <MobileNav links={mainNavLinks} cta={signInLink} />
      </Container>
    </header>
  )
}
