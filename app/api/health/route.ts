import { getDatabase, pingDatabase } from '@/db'

// Always answered live: a cached health check would hide an outage.
export const dynamic = 'force-dynamic'

export async function GET() {
  const up = await pingDatabase(1000)
  return Response.json(
    { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', engine: getDatabase().engine },
    { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
