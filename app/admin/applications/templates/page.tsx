import type { Metadata } from 'next'
import { PageHeader } from '@/app/admin/_components/page-header'
import { Badge } from '@/components/ui/badge'
import { listDecisionTemplates } from '@/lib/applications/admin-data'
import { requireStaffPage } from '@/lib/auth/staff'
import { dateTimeLabel } from '../_components/labels'
import { TemplateEditor } from '../_components/template-editor'

export const metadata: Metadata = { title: 'Decision email templates' }

export default async function TemplatesPage() {
  await requireStaffPage('/admin/applications/templates', ['admin'])
  const templates = await listDecisionTemplates()
  return (
    <>
      <PageHeader
        title="Decision email templates"
        crumbs={[
          { href: '/admin/applications', label: 'Applications' },
          { href: '/admin/applications/templates', label: 'Email templates' },
        ]}
      />
      <p className="mb-6 max-w-3xl text-ink-700">
        These emails are queued when an application moves to interview, is accepted or is not accepted. <code>{'{{name}}'}</code> is the applicant&apos;s name,{' '}
        <code>{'{{dashboardUrl}}'}</code> the link to their application and <code>{'{{reapplyDate}}'}</code> the first day they may apply again. Every email also ends with a
        &ldquo;View your application&rdquo; button.
      </p>
      <div className="grid gap-6">
        {templates.map((t) => (
          <section key={t.key} aria-labelledby={`template-${t.key.replace(/\W/g, '-')}`} className="rounded-2xl border border-ink-200 bg-white p-5 sm:p-6">
            <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1">
              <h2 id={`template-${t.key.replace(/\W/g, '-')}`} className="text-lg font-semibold text-ink-950">
                {t.title}
              </h2>
              {t.customized ? <Badge variant="brand">Edited</Badge> : <Badge>Default</Badge>}
              <p className="w-full text-sm text-ink-700">
                {t.when}
                {t.updatedAt ? ` Last saved ${dateTimeLabel.format(new Date(t.updatedAt))} UTC${t.updatedBy ? ` by ${t.updatedBy}` : ''}.` : ''}
              </p>
            </div>
            <TemplateEditor key={`${t.key}-${t.version}`} templateKey={t.key} title={t.title} subject={t.subject} body={t.body} version={t.version} defaults={t.defaults} />
          </section>
        ))}
      </div>
    </>
  )
}
