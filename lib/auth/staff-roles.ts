import type { UserRole } from '@/db/schema'

/** Roles that work in /admin; they must sign in with a second factor. */
export const staffRoles: readonly UserRole[] = ['editor', 'admin']
