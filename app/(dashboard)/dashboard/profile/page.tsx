import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { ProfileForm } from '@/components/dashboard/profile-form'
import { getCurrentUser } from '@/lib/auth/session'
import { getProfileForEdit } from '@/lib/profile/data'
import { listPublishedRoles } from '@/lib/roles/data'

export const metadata: Metadata = { title: 'Your profile', robots: { index: false } }

export default async function ProfilePage() {
  const user = await getCurrentUser()
  if (!user) redirect('/login?callbackUrl=/dashboard/profile')
  const [profile, roles] = await Promise.all([getProfileForEdit(user), listPublishedRoles()])
  return (
    <div className="rounded-2xl border border-ink-200 bg-white p-6 shadow-xs">
      <h1 className="text-2xl font-bold text-ink-950">Your profile</h1>
      <p className="mt-1 text-ink-700">What you know and where you want to go: we use it for your skill gap, recommendations and opportunity alerts.</p>
      <div className="mt-6">
        <ProfileForm initial={profile} roles={roles.map((r) => ({ slug: r.slug, title: r.title, category: r.category.name }))} />
      </div>
    </div>
  )
}
