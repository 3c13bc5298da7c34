import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { getCurrentUser } from '@/lib/auth/session'

/** Editors preview a role's working copy exactly as the public page will show it (draft mode). */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  const user = await getCurrentUser()
  if (!user || !['editor', 'admin'].includes(user.role)) return new Response('Not allowed', { status: 403 })
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) return new Response('Unknown role', { status: 400 })
  ;(await draftMode()).enable()
  redirect(`/roles/${slug}`)
}
