import type { Metadata, Viewport } from 'next'
import { env } from '@/lib/env'
import { inter } from './fonts'
import './globals.css'

export const metadata: Metadata = {
  metadataBase: new URL(env.SITE_URL),
  title: { default: 'SkillsU: career roles, skills and salaries', template: '%s | SkillsU' },
  description:
    'Explore career roles with their skills, salaries and demand, find training that closes your skill gap, and get career opportunities by email.',
  applicationName: 'SkillsU',
}

export const viewport: Viewport = { themeColor: '#4338ca', width: 'device-width', initialScale: 1 }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh bg-white font-sans text-ink-900 antialiased">
        {children}
      </body>
    </html>
  )
}
