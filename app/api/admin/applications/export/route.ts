import { exportApplicationsCsv } from '@/lib/applications/admin-data'
import { readListQuery } from '@/lib/applications/admin-schema'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'
import { csvResponse } from '@/lib/csv'

export const dynamic = 'force-dynamic'

/** The review list as CSV, with the list's filters from the query string (admins only). */
export async function GET(request: Request) {
  const query = readListQuery(new URL(request.url).searchParams)
  try {
    const { fileName, csv } = await exportApplicationsCsv(query)
    return csvResponse(fileName, csv)
  } catch (error) {
    if (error instanceof UnauthenticatedError) return new Response('Please sign in.', { status: 401, headers: { 'Cache-Control': 'no-store' } })
    if (error instanceof ForbiddenError) return new Response('Admins only.', { status: 403, headers: { 'Cache-Control': 'no-store' } })
    throw error
  }
}
