import type { Metadata } from 'next'
import { requireStaffPage } from '@/lib/auth/staff'
import { getSiteSettingsForEdit } from '@/lib/site-settings/data'
import { PageHeader } from '../_components/page-header'
import { SiteSettingsForm } from './_components/site-settings-form'

export const metadata: Metadata = { title: 'Site settings' }
// Always the current row and version: an admin form must never be served from a cache.
export const dynamic = 'force-dynamic'

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export default async function SiteSettingsPage() {
  await requireStaffPage('/admin/settings', ['admin'])
  const current = await getSiteSettingsForEdit()
  return (
    <>
      <PageHeader title="Site settings" crumbs={[{ href: '/admin/settings', label: 'Site settings' }]} />
      <p className="mb-6 max-w-3xl text-sm text-ink-700">
        {current.version === 0
          ? 'Nothing has been saved yet: the site shows the default copy below.'
          : `Version ${current.version}, saved ${current.updatedAt ? when.format(new Date(current.updatedAt)) + ' UTC' : ''}${current.updatedBy ? ` by ${current.updatedBy}` : ''}.`}{' '}
        Changes appear on the public site as soon as you save.
      </p>
      <SiteSettingsForm initial={current.settings} version={current.version} />
    </>
  )
}
