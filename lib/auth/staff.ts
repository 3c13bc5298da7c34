import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import type { UserRole } from '@/db/schema'
import { getCurrentUser, type CurrentUser } from './session'

export const staffRoles: UserRole[] = ['editor', 'admin']

/**
 * For admin pages and layouts: the signed-in staff member, or a redirect to sign in (anonymous)
 * or a 403 (anyone else). Actions do not rely on this: their data functions call requireRole.
 */
export async function requireStaffPage(path: string, allowed: UserRole[] = staffRoles): Promise<CurrentUser> {
  const user = await getCurrentUser()
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`)
  if (!allowed.includes(user.role)) forbidden()
  return user
}
