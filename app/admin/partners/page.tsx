import type { Metadata } from 'next'
import Image from 'next/image'
import Link from 'next/link'
import { Badge } from '@/components/ui/badge'
import { buttonVariants } from '@/components/ui/button'
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table'
import { requireStaffPage } from '@/lib/auth/staff'
import { countPartnersInTrash, listPartnersForAdmin, type PartnerLogo } from '@/lib/partners/admin-data'
import { cn } from '@/lib/utils'
import { PageHeader } from '../_components/page-header'
import { PartnerRowActions } from './_components/partner-row-actions'
import { TrashRowActions } from './_components/trash-row-actions'

export const metadata: Metadata = { title: 'Partners' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const trashedOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

function LogoThumb({ logo }: { logo: PartnerLogo | null }) {
  if (!logo) return <span className="text-sm text-ink-600">No logo</span>
  // The name is in the next cell, so the thumbnail is decorative here.
  return <Image src={logo.src} alt="" width={Math.round((logo.width * 32) / logo.height)} height={32} unoptimized className="h-8 w-auto max-w-32 object-contain object-left" />
}

function ViewTabs({ view, trashCount }: { view: 'active' | 'trash'; trashCount: number }) {
  const tab = (active: boolean) =>
    cn('rounded-lg px-3 py-2 text-sm font-semibold', active ? 'bg-ink-900 text-white' : 'text-ink-800 underline-offset-4 hover:bg-ink-100 hover:underline')
  return (
    <nav aria-label="Partner lists" className="mb-4">
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/admin/partners" aria-current={view === 'active' ? 'page' : undefined} className={tab(view === 'active')}>
            Partners
          </Link>
        </li>
        <li>
          <Link href="/admin/partners?view=trash" aria-current={view === 'trash' ? 'page' : undefined} className={tab(view === 'trash')}>
            Trash ({trashCount})
          </Link>
        </li>
      </ul>
    </nav>
  )
}

export default async function PartnersPage({ searchParams }: Props) {
  const user = await requireStaffPage('/admin/partners')
  const view = first((await searchParams).view) === 'trash' ? 'trash' : 'active'
  const [rows, trashCount] = await Promise.all([listPartnersForAdmin(view), countPartnersInTrash()])

  return (
    <>
      <PageHeader
        title={view === 'trash' ? 'Partners in the trash' : 'Partners'}
        crumbs={[{ href: '/admin/partners', label: 'Partners' }]}
        actions={
          <Link href="/admin/partners/new" className={buttonVariants()}>
            Add a partner
          </Link>
        }
      />
      <ViewTabs view={view} trashCount={trashCount} />

      {view === 'active' ? (
        rows.length === 0 ? (
          <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">
            No partners yet. <Link href="/admin/partners/new" className="font-semibold text-brand-700 underline underline-offset-4">Add the first one</Link>.
          </p>
        ) : (
          // `relative`: the sr-only labels in the cells are absolutely positioned; without a positioned
          // wrapper they escape its scroll box and widen the whole page on a phone.
          <Table caption="Partners in the order the site shows them. Hidden partners keep their place but are not shown." wrapperClassName="relative">
            <THead>
              <TR>
                <TH>#</TH>
                <TH>Logo</TH>
                <TH>Name</TH>
                <TH>Website</TH>
                <TH>Status</TH>
                <TH>Actions</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((p, index) => (
                <TR key={p.id} className="[&>*]:align-middle">
                  <TD className="tabular-nums">{index + 1}</TD>
                  <TD>
                    <LogoThumb logo={p.logo} />
                  </TD>
                  <TH scope="row" className="font-semibold">
                    {p.name}
                  </TH>
                  <TD className="max-w-48 break-words">
                    {p.websiteUrl ? (
                      <a href={p.websiteUrl} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline underline-offset-4">
                        {p.websiteUrl.replace(/^https:\/\//, '')}
                        <span className="sr-only"> (opens in a new tab)</span>
                      </a>
                    ) : (
                      <span className="text-ink-600">None</span>
                    )}
                  </TD>
                  <TD>{p.visible ? <Badge variant="success">Visible</Badge> : <Badge variant="neutral">Hidden</Badge>}</TD>
                  <TD>
                    <PartnerRowActions partner={{ id: p.id, name: p.name, version: p.version, visible: p.visible }} position={index + 1} count={rows.length} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )
      ) : rows.length === 0 ? (
        <p className="rounded-2xl border border-ink-200 bg-white p-6 text-ink-700">The trash is empty.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-ink-700">
            Restored partners go back to the end of the list, visible or hidden as they were.
            {user.role === 'admin' ? ' Deleting permanently also deletes the logo file.' : ' Only an administrator can delete a partner permanently.'}
          </p>
          <Table caption="Partners in the trash, most recently trashed first" hideCaption wrapperClassName="relative">
            <THead>
              <TR>
                <TH>Logo</TH>
                <TH>Name</TH>
                <TH>Trashed on</TH>
                <TH>Actions</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((p) => (
                <TR key={p.id} className="[&>*]:align-middle">
                  <TD>
                    <LogoThumb logo={p.logo} />
                  </TD>
                  <TH scope="row" className="font-semibold">
                    {p.name}
                  </TH>
                  <TD>{p.deletedAt ? trashedOn.format(new Date(p.deletedAt)) : ''}</TD>
                  <TD>
                    <TrashRowActions partner={{ id: p.id, name: p.name }} canDelete={user.role === 'admin'} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </>
      )}
    </>
  )
}
