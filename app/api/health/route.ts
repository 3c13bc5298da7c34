import { getDatabase, pingDatabase } from '@/db'

// Always answered live: a cached health check would hide an outage.
export const dynamic = 'force-dynamic'

// Load balancers and uptime checks wait about a second: answer before they give up, even when
// the database never replies (a query still waiting is left to the pool's own timeouts).
const PING_TIMEOUT_MS = 700

export async function GET() {
  const up = await pingDatabase(PING_TIMEOUT_MS)
  return Response.json(
    { status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', engine: getDatabase().engine },
    { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
