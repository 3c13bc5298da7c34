import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { toCsv, csvResponse } from '@/lib/csv'
import { exportSubscribers } from '@/lib/newsletter/admin-data'
import { newsletterListQuerySchema, subscriberStatusLabels } from '@/lib/newsletter/schema'

/** The admin list as CSV, with the list page's filters (?q=&status=); admins only (checked in the data layer). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const query = newsletterListQuerySchema.parse({ q: params.get('q') ?? '', status: params.get('status') || undefined, page: 1 })
  try {
    const rows = await exportSubscribers(query)
    const csv = toCsv(
      ['Email', 'Status', 'Source', 'Signed up (UTC)', 'Confirmed (UTC)', 'Unsubscribed (UTC)'],
      rows.map((r) => [r.email, subscriberStatusLabels[r.status], r.source, r.createdAt, r.confirmedAt, r.unsubscribedAt]),
    )
    const day = new Date().toISOString().slice(0, 10)
    return csvResponse(`newsletter-${query.status ?? 'all'}-${day}.csv`, csv)
  } catch (error) {
    if (error instanceof UnauthenticatedError) return new Response(error.message, { status: 401, headers: { 'Cache-Control': 'no-store' } })
    if (error instanceof ForbiddenError) return new Response(error.message, { status: 403, headers: { 'Cache-Control': 'no-store' } })
    throw error
  }
}
