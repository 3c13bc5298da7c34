'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useActionState, useState, useTransition } from 'react'
import { ResultMessage } from '@/components/forms/form-kit'
import { Button } from '@/components/ui/button'
import { FormField, fieldA11yProps } from '@/components/ui/form-field'
import { Input } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'
import {
  beginTwoFactorAction,
  confirmTwoFactorAction,
  disableTwoFactorAction,
  regenerateRecoveryCodesAction,
} from '@/lib/auth/two-factor-actions'
import type { EnrolmentDto } from '@/lib/auth/two-factor'

type CodesResult = ActionResult<{ recoveryCodes: string[] }>

/** A six-digit code field with its error next to it. */
function CodeField({ id, result }: { id: string; result: ActionResult<unknown> | null }) {
  const error = result && !result.ok ? result.fieldErrors?.code?.[0] : undefined
  return (
    <FormField id={id} label="Code from your app" error={error} required>
      <Input {...fieldA11yProps(id, { error })} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required className="max-w-40 font-mono tracking-widest" />
    </FormField>
  )
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-3 rounded-xl border border-warning-200 bg-warning-50 p-4">
      <h3 className="font-semibold text-ink-950">Your recovery codes</h3>
      <p className="text-sm text-ink-800">
        Each code signs you in once if you lose your phone. Keep them somewhere safe, such as a password manager. They are shown only now.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm text-ink-950">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The two-factor block of the security page. One component for both states, so the recovery
 * codes shown after enrolment stay on screen when the page refreshes (the action re-issues the
 * session cookie, which makes Next re-render the page as "on").
 */
export function TwoFactorSection({ enabled, canDisable, continueTo }: { enabled: boolean; canDisable: boolean; continueTo?: string }) {
  const [justEnabled, setJustEnabled] = useState(false)
  if (enabled && !justEnabled) return <ManageTwoFactor canDisable={canDisable} />
  return <EnrolTwoFactor continueTo={continueTo} onEnabled={() => setJustEnabled(true)} />
}

/** Off: scan a QR code (or type the key), confirm with a code, get recovery codes. */
function EnrolTwoFactor({ continueTo, onEnabled }: { continueTo?: string; onEnabled: () => void }) {
  const [enrolment, setEnrolment] = useState<EnrolmentDto | null>(null)
  const [startError, setStartError] = useState<ActionResult<unknown> | null>(null)
  const [starting, start] = useTransition()
  const [result, confirm, confirming] = useActionState<CodesResult | null, FormData>(async (_prev, form) => {
    const response = await confirmTwoFactorAction({ code: String(form.get('code') ?? '') })
    if (response.ok) onEnabled()
    return response
  }, null)

  if (result?.ok) {
    return (
      <div className="space-y-4">
        <ResultMessage result={result} />
        <RecoveryCodes codes={result.data.recoveryCodes} />
        <Link href={continueTo ?? '/dashboard/security'} className="inline-block font-semibold text-brand-700 underline">
          {continueTo ? 'I saved my codes: continue' : 'I saved my codes'}
        </Link>
      </div>
    )
  }

  if (!enrolment) {
    return (
      <div className="space-y-3">
        <ResultMessage result={startError} />
        <Button
          loading={starting}
          onClick={() =>
            start(async () => {
              const response = await beginTwoFactorAction()
              if (response.ok) setEnrolment(response.data)
              else setStartError(response)
            })
          }
        >
          Set up two-factor sign-in
        </Button>
      </div>
    )
  }

  return (
    <form action={confirm} className="space-y-4">
      <ol className="list-decimal space-y-4 pl-5 text-sm text-ink-800">
        <li>
          Scan this code with an authenticator app (such as 1Password, Google Authenticator or Microsoft Authenticator).
          <svg
            role="img"
            aria-label="QR code for your authenticator app"
            viewBox={`-4 -4 ${enrolment.qr.size + 8} ${enrolment.qr.size + 8}`}
            className="mt-3 h-48 w-48 rounded-lg border border-ink-200 bg-white"
            shapeRendering="crispEdges"
          >
            <path d={enrolment.qr.path} fill="#0b1220" />
          </svg>
        </li>
        <li>
          Or type this key into the app:{' '}
          <code data-testid="totp-secret" className="break-all rounded bg-ink-100 px-1.5 py-0.5 font-mono text-ink-950">
            {enrolment.secret}
          </code>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      {result && !result.ok && !result.fieldErrors?.code ? <ResultMessage result={result} /> : null}
      <CodeField id="totp-confirm-code" result={result} />
      <Button type="submit" loading={confirming}>
        Turn on two-factor sign-in
      </Button>
    </form>
  )
}

/** On: make new recovery codes, or (accounts that may) turn it off. */
function ManageTwoFactor({ canDisable }: { canDisable: boolean }) {
  const router = useRouter()
  const [codes, regenerate, regenerating] = useActionState<CodesResult | null, FormData>(
    async (_prev, form) => regenerateRecoveryCodesAction({ code: String(form.get('code') ?? '') }),
    null,
  )
  const [off, disable, disabling] = useActionState<ActionResult<null> | null, FormData>(async (_prev, form) => {
    const response = await disableTwoFactorAction({ code: String(form.get('code') ?? '') })
    if (response.ok) router.refresh()
    return response
  }, null)
  return (
    <div className="space-y-8">
      <form action={regenerate} className="space-y-4">
        <h3 className="font-semibold text-ink-950">New recovery codes</h3>
        <p className="text-sm text-ink-700">Used some, or worried someone saw them? Make ten new ones; the old ones stop working.</p>
        {codes?.ok ? <RecoveryCodes codes={codes.data.recoveryCodes} /> : null}
        {codes && !(codes.ok === false && codes.fieldErrors?.code) ? <ResultMessage result={codes} /> : null}
        <CodeField id="totp-regen-code" result={codes} />
        <Button type="submit" variant="outline" loading={regenerating}>
          Make new recovery codes
        </Button>
      </form>
      {canDisable ? (
        <form action={disable} className="space-y-4">
          <h3 className="font-semibold text-ink-950">Turn off two-factor sign-in</h3>
          {off && !(off.ok === false && off.fieldErrors?.code) ? <ResultMessage result={off} /> : null}
          <CodeField id="totp-off-code" result={off} />
          <Button type="submit" variant="danger" loading={disabling}>
            Turn off
          </Button>
        </form>
      ) : null}
    </div>
  )
}
