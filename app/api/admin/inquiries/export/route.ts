import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { csvResponse } from '@/lib/csv'
import { exportInquiriesCsv } from '@/lib/inquiries/admin-data'
import { inquiryListQuerySchema } from '@/lib/inquiries/schema'

/** The inbox as CSV, with the list's filters (its query string). Admins only, checked in the data layer. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams
  const query = inquiryListQuerySchema.parse({
    q: params.get('q') ?? '',
    kind: params.get('kind') || undefined,
    status: params.get('status') || undefined,
    owner: params.get('owner') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    page: 1,
  })
  const headers = { 'Cache-Control': 'no-store' }
  try {
    const csv = await exportInquiriesCsv(query)
    return csvResponse(`skillsu-inquiries-${new Date().toISOString().slice(0, 10)}.csv`, csv)
  } catch (error) {
    if (error instanceof UnauthenticatedError) return Response.json({ error: error.message }, { status: 401, headers })
    if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403, headers })
    throw error
  }
}
