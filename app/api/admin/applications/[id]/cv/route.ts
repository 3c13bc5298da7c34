import { getApplicationCv } from '@/lib/applications/admin-data'
import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors'

export const dynamic = 'force-dynamic'

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } })

/**
 * An applicant's CV, as a download (never shown inline, never sniffed, never cached). Admins only;
 * anyone else gets the same 404 as for a missing application, so existence is never revealed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  let cv: Awaited<ReturnType<typeof getApplicationCv>>
  try {
    cv = await getApplicationCv(id)
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) return notFound()
    throw error
  }
  if (!cv) return notFound()
  return new Response(new Uint8Array(cv.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(cv.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${cv.fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
