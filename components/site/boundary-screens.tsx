'use client'

import Link from 'next/link'
import { buttonClasses, containerClasses } from '@/components/ui/classes'
import { BoundaryPage } from './boundary-page'

/*
 * The 404, 403 and 401 screens, as client components. Next puts each layout's not-found, forbidden
 * and unauthorized boundaries into every page's payload, whether or not they are ever shown: a
 * server component goes in as its whole rendered tree (on the role page, about 7 kB for the root
 * and site levels together, sent a second time as HTML-escaped script), a client component as one
 * module reference. The markup is the same and is still rendered on the server when a boundary is
 * hit; its code is a small shared chunk. Plain class strings keep tailwind-merge off the client.
 */

function StatusContent({ code, title, text, primary }: { code: string; title: string; text: string; primary: { href: string; label: string } }) {
  return (
    <div className={`${containerClasses} py-24 text-center`}>
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 className="mt-2 text-3xl font-bold text-ink-950">{title}</h1>
      <p className="mx-auto mt-4 max-w-lg text-ink-700">{text}</p>
      <div className="mt-8 flex justify-center gap-3">
        <Link href={primary.href} className={buttonClasses()}>
          {primary.label}
        </Link>
        <Link href="/" className={buttonClasses({ variant: 'outline' })}>
          Home
        </Link>
      </div>
    </div>
  )
}

/** Inside the site layout, which already has the header, footer and main landmark. */
export function NotFoundScreen() {
  return (
    <StatusContent
      code="404"
      title="We couldn't find that page"
      text="It may have moved, or it was never published. Browse the career roles or search for one."
      primary={{ href: '/roles', label: 'Browse roles' }}
    />
  )
}

/** For paths outside the site layout: brings its own (small) header, main and footer. */
export function RootNotFoundScreen() {
  return (
    <BoundaryPage>
      <NotFoundScreen />
    </BoundaryPage>
  )
}

export function ForbiddenScreen() {
  return (
    <BoundaryPage>
      <StatusContent
        code="403"
        title="This area is for the SkillsU team"
        text="Your account does not have access to this page. If you think it should, ask an administrator."
        primary={{ href: '/dashboard', label: 'Your dashboard' }}
      />
    </BoundaryPage>
  )
}

/** Nothing calls unauthorized() (signed-out visitors are sent to sign in); this replaces Next's default screen. */
export function UnauthorizedScreen() {
  return (
    <BoundaryPage>
      <StatusContent code="401" title="Please sign in" text="This page is for signed-in members. Sign in and you will come straight back." primary={{ href: '/login', label: 'Sign in' }} />
    </BoundaryPage>
  )
}
