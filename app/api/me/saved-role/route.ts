import { getCurrentUser } from '@/lib/auth/session'
import { isRoleSaved } from '@/lib/profile/data'

/**
 * The save button's state on a cached role page: asked by the browser after load, so the page
 * itself stays the same for everyone.
 */
export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  const headers = { 'Cache-Control': 'private, no-store' }
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 80) return Response.json({ error: 'Unknown role' }, { status: 400, headers })
  const user = await getCurrentUser()
  if (!user) return Response.json({ signedIn: false, saved: false }, { headers })
  return Response.json({ signedIn: true, saved: await isRoleSaved(user, slug) }, { headers })
}
