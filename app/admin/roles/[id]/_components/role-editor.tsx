'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { FormProvider, useForm, type FieldPath } from 'react-hook-form'
import { useToast } from '@/app/admin/_components/toaster'
import { applyFieldErrors } from '@/components/forms/form-kit'
import { Button, buttonVariants } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import {
  archiveRoleAction,
  createRoleAction,
  publishRoleAction,
  purgeRoleAction,
  restoreRoleAction,
  saveRoleAction,
  trashRoleAction,
  unpublishRoleAction,
  type RoleActionResult,
  type RoleConflict,
} from '@/lib/roles/actions'
import { roleContentSchema, type RoleContent, type RoleContentInput } from '@/lib/roles/schema'
import { ConflictPanel, CopiedText } from './conflict-panel'
import { BasicsSection, MarketSection, QualificationsSection, ResponsibilitiesSection, SalarySection, SkillsSection, SourcesSection, TrendsSection } from './sections'
import { useLeaveGuard } from './use-leave-guard'

export interface RoleEditorProps {
  initial: RoleContent
  categories: { slug: string; name: string }[]
  /** Absent in create mode. */
  id?: string
  version?: number
  status?: string
  hasDraft?: boolean
  trashed?: boolean
  /** Admins may delete a role in the trash for good. */
  canPurge?: boolean
}

type Command = 'save' | 'publish' | 'unpublish' | 'archive' | 'trash' | 'restore' | 'purge'

/**
 * Every optional key present (as undefined): the form registers those inputs with undefined, and
 * react-hook-form compares keys when it decides whether the form is dirty.
 */
function formValues(content: RoleContent): RoleContent {
  return {
    ...content,
    trends: content.trends.map((t) => ({ text: t.text, figurePct: t.figurePct, figureLabel: t.figureLabel })),
    sources: content.sources.map((s) => ({ label: s.label, url: s.url })),
  }
}

const asJson = (values: unknown) => JSON.stringify(values, null, 2)

export function RoleEditor({ initial, categories, id, version: startVersion = 1, status = 'draft', hasDraft = false, trashed = false, canPurge = false }: RoleEditorProps) {
  const router = useRouter()
  const toast = useToast()
  const form = useForm<RoleContentInput, unknown, RoleContent>({ resolver: zodResolver(roleContentSchema), defaultValues: formValues(initial), mode: 'onTouched' })
  const { isDirty, isSubmitting } = form.formState
  const [version, setVersion] = useState(startVersion)
  const [savedSlug, setSavedSlug] = useState(initial.slug)
  const [busy, setBusy] = useState<Command | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [conflict, setConflict] = useState<{ theirs: RoleConflict; mine: RoleContent } | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<'trash' | 'purge' | null>(null)
  const conflictRef = useRef<HTMLDivElement>(null)
  const problemRef = useRef<HTMLDivElement>(null)
  const creating = !id
  const working = busy !== null || isSubmitting

  useLeaveGuard(isDirty)

  // Bring the conflict panel into view; role="alert" announces it.
  useEffect(() => {
    if (conflict) conflictRef.current?.focus()
  }, [conflict])

  /** A refusal: the conflict panel, or errors by the fields and a message. The form keeps its values. */
  function refused(result: Extract<RoleActionResult, { ok: false }>, mine: RoleContent) {
    if ('conflict' in result && result.conflict) {
      setProblem(null)
      setCopied(null)
      setConflict({ theirs: result.conflict, mine })
      return
    }
    // The save action validates { id, expectedVersion, content }: its paths start with "content.".
    const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([path, messages]) => [path.replace(/^content\./, ''), messages]))
    applyFieldErrors(form, { ...result, fieldErrors })
    setProblem(result.error)
    toast(result.error, 'error')
    const first = Object.keys(fieldErrors)[0]
    if (first) form.setFocus(first as FieldPath<RoleContentInput>)
    else requestAnimationFrame(() => problemRef.current?.focus())
  }

  /** Saves (or creates) the values; returns the new version, or null when refused. */
  async function save(values: RoleContent): Promise<number | null> {
    setProblem(null)
    if (!id) {
      const result = await createRoleAction(values)
      if (!result.ok) {
        refused(result, values)
        return null
      }
      form.reset(formValues(values))
      toast(result.message ?? 'Role created.')
      router.push(`/admin/roles/${result.data.id}`)
      return result.data.version
    }
    const result = await saveRoleAction({ id, expectedVersion: version, content: values })
    if (!result.ok) {
      refused(result, values)
      return null
    }
    setVersion(result.data.version)
    setSavedSlug(values.slug)
    setConflict(null)
    form.reset(formValues(values))
    toast(result.message ?? 'Saved.')
    router.refresh()
    return result.data.version
  }

  /** Publish, unpublish, archive, trash, restore, purge: from the given version, never touching the form. */
  async function command(kind: Exclude<Command, 'save'>, expectedVersion: number) {
    if (!id) return
    const calls: Record<typeof kind, () => Promise<RoleActionResult>> = {
      publish: () => publishRoleAction({ id, expectedVersion }),
      unpublish: () => unpublishRoleAction({ id, expectedVersion }),
      archive: () => archiveRoleAction({ id, expectedVersion }),
      trash: () => trashRoleAction({ id }),
      restore: () => restoreRoleAction({ id }),
      purge: () => purgeRoleAction({ id }),
    }
    setProblem(null)
    const result = await calls[kind]()
    setConfirming(null)
    if (!result.ok) return refused(result, form.getValues() as RoleContent)
    toast(result.message ?? 'Done.')
    if (kind === 'purge') {
      form.reset()
      router.push('/admin/roles?view=trash')
      return
    }
    setVersion(result.data.version)
    setConflict(null)
    router.refresh()
  }

  async function busyWith(kind: Command, work: () => Promise<unknown>) {
    setBusy(kind)
    try {
      await work()
    } finally {
      setBusy(null)
    }
  }

  const onInvalid = () => {
    setProblem('Please correct the highlighted fields. Nothing was saved.')
    toast('Please correct the highlighted fields.', 'error')
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => form.handleSubmit((values) => busyWith('save', () => save(values)), onInvalid)(event)

  // With unsaved changes, Publish saves them first so the public page gets what the form shows.
  const publish = () =>
    isDirty
      ? form.handleSubmit(
          (values) =>
            busyWith('publish', async () => {
              const saved = await save(values)
              if (saved !== null) await command('publish', saved)
            }),
          onInvalid,
        )()
      : busyWith('publish', () => command('publish', version))

  function loadTheirs() {
    if (!conflict) return
    const { theirs } = conflict
    // Keep the editor's own text on screen until they dismiss it, so nothing is lost.
    setCopied((c) => c ?? asJson(form.getValues()))
    form.reset(formValues(theirs.content))
    setVersion(theirs.version)
    setSavedSlug(theirs.content.slug)
    setConflict(null)
    toast(`Loaded version ${theirs.version}. Re-apply your changes and save.`)
    router.refresh()
  }

  async function copyMine() {
    const text = asJson(form.getValues())
    setCopied(text)
    try {
      await navigator.clipboard.writeText(text)
      toast('Your text is on the clipboard, and shown below.')
    } catch {
      toast('The clipboard is not available: select your text below and copy it.', 'error')
    }
  }

  const published = status === 'published'

  return (
    <FormProvider {...form}>
      <div className="flex flex-col gap-6">
        {conflict && (
          <div ref={conflictRef} tabIndex={-1} className="scroll-mt-4 focus:outline-none">
            <ConflictPanel conflict={conflict.theirs} mine={conflict.mine} copied={copied} onLoadTheirs={loadTheirs} onCopyMine={copyMine} />
          </div>
        )}
        {!conflict && copied !== null && (
          <section aria-label="Your earlier text" className="rounded-2xl border border-ink-200 bg-white p-4 sm:p-6">
            <p className="text-sm text-ink-800">Their version is in the form now. Your earlier text is kept here until you hide it.</p>
            <CopiedText text={copied} onDismiss={() => setCopied(null)} />
          </section>
        )}
        {problem && (
          <div ref={problemRef} tabIndex={-1} role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 text-sm text-danger-800 focus:outline-none">
            {problem}
          </div>
        )}

        {!creating && (
          <section aria-labelledby="publishing-heading" className="rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-6">
            <h2 id="publishing-heading" className="text-lg font-semibold text-ink-950">
              Publishing
            </h2>
            <p className="mt-1 text-sm text-ink-700">
              {trashed
                ? 'In the trash: not on the public site. Restore it to edit or publish it.'
                : published && hasDraft
                  ? 'Published. Your saved changes are not public until you publish them.'
                  : published
                    ? 'Published: the public page shows the saved content.'
                    : status === 'archived'
                      ? 'Archived: not on the public site. Publish it to show it again.'
                      : 'Draft: not on the public site yet.'}{' '}
              Version {version}.
            </p>
            <div className="mt-4 flex flex-wrap gap-2">
              {trashed ? (
                <>
                  <Button variant="outline" size="sm" loading={busy === 'restore'} disabled={working} onClick={() => busyWith('restore', () => command('restore', version))}>
                    Restore from trash
                  </Button>
                  {canPurge && (
                    <Button variant="danger" size="sm" disabled={working} onClick={() => setConfirming('purge')}>
                      Delete for good
                    </Button>
                  )}
                </>
              ) : (
                <>
                  {(!published || hasDraft || isDirty) && (
                    <Button size="sm" loading={busy === 'publish'} disabled={working} onClick={publish}>
                      {isDirty ? 'Save and publish' : 'Publish'}
                    </Button>
                  )}
                  <a href={`/api/preview?slug=${encodeURIComponent(savedSlug)}`} target="_blank" rel="noopener" className={buttonVariants({ variant: 'outline', size: 'sm' })}>
                    Preview<span className="sr-only"> the saved version (opens in a new tab)</span>
                  </a>
                  {published && (
                    <Button variant="outline" size="sm" loading={busy === 'unpublish'} disabled={working} onClick={() => busyWith('unpublish', () => command('unpublish', version))}>
                      Unpublish
                    </Button>
                  )}
                  {status !== 'archived' && (
                    <Button variant="outline" size="sm" loading={busy === 'archive'} disabled={working} onClick={() => busyWith('archive', () => command('archive', version))}>
                      Archive
                    </Button>
                  )}
                  <Button variant="ghost" size="sm" className="text-danger-700" disabled={working} onClick={() => setConfirming('trash')}>
                    Move to trash
                  </Button>
                </>
              )}
            </div>
            <Dialog
              open={confirming === 'trash'}
              onClose={() => setConfirming(null)}
              title="Move this role to the trash?"
              description="Its public page disappears at once. You can restore it from the trash later."
            >
              <div className="flex flex-wrap justify-end gap-3">
                <Button variant="outline" onClick={() => setConfirming(null)}>
                  Cancel
                </Button>
                <Button variant="danger" loading={busy === 'trash'} onClick={() => busyWith('trash', () => command('trash', version))}>
                  Move to trash
                </Button>
              </div>
            </Dialog>
            <Dialog
              open={confirming === 'purge'}
              onClose={() => setConfirming(null)}
              title="Delete this role for good?"
              description="The role and all its revisions are deleted permanently. This cannot be undone."
            >
              <div className="flex flex-wrap justify-end gap-3">
                <Button variant="outline" onClick={() => setConfirming(null)}>
                  Cancel
                </Button>
                <Button variant="danger" loading={busy === 'purge'} onClick={() => busyWith('purge', () => command('purge', version))}>
                  Delete for good
                </Button>
              </div>
            </Dialog>
          </section>
        )}

        <form onSubmit={onSubmit} noValidate aria-label={creating ? 'New role' : 'Role content'}>
          <fieldset disabled={trashed} className="flex min-w-0 flex-col gap-6">
            <BasicsSection categories={categories} published={published} creating={creating} />
            <ResponsibilitiesSection />
            <QualificationsSection />
            <TrendsSection />
            <SkillsSection />
            <MarketSection />
            <SalarySection />
            <SourcesSection />
          </fieldset>
          <div className="sticky bottom-0 z-10 mt-6 flex flex-wrap items-center gap-4 rounded-2xl border border-ink-200 bg-white/95 p-4 shadow-md backdrop-blur">
            <Button type="submit" loading={busy === 'save'} disabled={working || trashed}>
              {creating ? 'Create draft' : 'Save changes'}
            </Button>
            <span className="text-sm text-ink-700" aria-live="polite">
              {isDirty ? 'You have unsaved changes.' : creating ? 'Nothing typed yet.' : 'All changes saved.'}
            </span>
          </div>
        </form>
      </div>
    </FormProvider>
  )
}
