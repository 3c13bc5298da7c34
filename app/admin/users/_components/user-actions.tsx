'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { Button } from '@/components/ui/button'
import { Dialog } from '@/components/ui/dialog'
import { Select } from '@/components/ui/select'
import { userRoleValues, type UserRole } from '@/db/schema/users'
import type { ActionResult } from '@/lib/action-result'
import { resetTwoFactorAction } from '@/lib/auth/two-factor-actions'
import { changeUserRoleAction, disableUserAction, enableUserAction } from '@/lib/users/actions'
import { userRoleLabels } from '@/lib/users/schema'
import { useToast } from '../../_components/toaster'

export interface UserActionsProps {
  user: { id: string; name: string; role: UserRole; disabled: boolean; totp: boolean }
  isSelf: boolean
}

/** The role picker and the disable / enable switch of one row of the users table. */
export function UserActions({ user, isSelf }: UserActionsProps) {
  const router = useRouter()
  const toast = useToast()
  const [role, setRole] = useState<UserRole>(user.role)
  const [confirming, setConfirming] = useState(false)
  const [resetting, setResetting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [pending, startTransition] = useTransition()
  const roleId = `role-${user.id}`
  const errorId = `role-${user.id}-error`

  function run(action: () => Promise<ActionResult<unknown>>) {
    startTransition(async () => {
      const result = await action()
      setConfirming(false)
      setResetting(false)
      if (result.ok) {
        setError(null)
        toast(result.message ?? 'Saved.')
      } else {
        setError(result.error)
        toast(result.error, 'error')
        setRole(user.role)
      }
      router.refresh()
    })
  }

  return (
    <div className="flex min-w-64 flex-col gap-2">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault()
          run(() => changeUserRoleAction({ userId: user.id, role, expectedRole: user.role }))
        }}
      >
        <div className="flex-1">
          <label htmlFor={roleId} className="sr-only">
            Role of {user.name}
          </label>
          <Select
            id={roleId}
            value={role}
            onChange={(e) => setRole(e.target.value as UserRole)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className="min-h-9 py-1.5 text-sm"
          >
            {userRoleValues.map((r) => (
              <option key={r} value={r}>
                {userRoleLabels[r]}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" size="sm" variant="outline" disabled={role === user.role} loading={pending && !confirming && !resetting} aria-label={`Change role of ${user.name}`}>
          Change role
        </Button>
      </form>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      {user.disabled ? (
        <Button size="sm" variant="secondary" loading={pending} onClick={() => run(() => enableUserAction({ userId: user.id }))} aria-label={`Enable account of ${user.name}`}>
          Enable account
        </Button>
      ) : (
        <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => setConfirming(true)} aria-label={`Disable account of ${user.name}`}>
          Disable account
        </Button>
      )}
      {user.totp && !isSelf ? (
        <Button size="sm" variant="ghost" onClick={() => setResetting(true)} aria-label={`Reset two-factor sign-in of ${user.name}`}>
          Reset two-factor
        </Button>
      ) : null}
      <Dialog
        open={resetting}
        onClose={() => setResetting(false)}
        title={`Reset two-factor sign-in of ${user.name}?`}
        description="Do this only when they lost their device and you are sure it is them asking. They are signed out, get an email, and set up an authenticator again at their next sign-in."
      >
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="outline" onClick={() => setResetting(false)}>
            Cancel
          </Button>
          <Button variant="danger" loading={pending} onClick={() => run(() => resetTwoFactorAction({ userId: user.id }))}>
            Reset two-factor
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Disable ${user.name}?`}
        description={
          isSelf
            ? 'This is your own account: you will be signed out at once and cannot sign in until another admin enables it.'
            : 'They are signed out on their next request and cannot sign in until an admin enables the account again.'
        }
      >
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="outline" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
          <Button variant="danger" loading={pending} onClick={() => run(() => disableUserAction({ userId: user.id }))}>
            Disable account
          </Button>
        </div>
      </Dialog>
    </div>
  )
}
