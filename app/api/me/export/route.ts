import { exportAccountData } from '@/lib/accounts/data'
import { getCurrentUser } from '@/lib/auth/session'

/** "Download my data": the signed-in user's own data as a JSON attachment. */
export async function GET() {
  const user = await getCurrentUser()
  if (!user) return Response.json({ error: 'Please sign in.' }, { status: 401, headers: { 'Cache-Control': 'no-store' } })
  const data = await exportAccountData(user)
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="skillsu-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
