import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import type { UserRole } from '@/db/schema'
import { getCurrentUser, type CurrentUser } from './session'

export { staffRoles } from './staff-roles'
import { staffRoles } from './staff-roles'

/**
 * For admin pages and layouts: the signed-in staff member, or a redirect to sign in (anonymous)
 * or a 403 (anyone else), or to two-factor set-up (staff whose session has no second factor). Actions do not rely on this: their data functions call requireRole.
 */
export async function requireStaffPage(path: string, allowed: readonly UserRole[] = staffRoles): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`)
  if (!allowed.includes(user.role)) forbidden()
  // Staff pages need a session that passed two-factor sign-in; set it up (or sign in with it) first.
  if (!user.mfa) redirect(`/dashboard/security?callbackUrl=${encodeURIComponent(path)}`)
  return user
}
