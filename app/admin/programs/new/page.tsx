import type { Metadata } from 'next'
import { PageHeader } from '@/app/admin/_components/page-header'
import { requireStaffPage } from '@/lib/auth/staff'
import { listProgramFormOptions } from '@/lib/programs/admin-data'
import { emptyProgram, ProgramForm } from '../_components/program-form'

export const metadata: Metadata = { title: 'New program' }

export default async function NewProgramPage() {
  await requireStaffPage('/admin/programs/new')
  const options = await listProgramFormOptions()
  return (
    <>
      <PageHeader title="New program" crumbs={[{ href: '/admin/programs', label: 'Programs' }]} />
      <p className="mb-4 text-sm text-ink-700">It is saved as a draft; its page goes live when you publish it.</p>
      <ProgramForm initial={emptyProgram} options={options} />
    </>
  )
}
