import { env } from '@/lib/env'
import { bearerTokenMatches } from '@/lib/observability/bearer'
import { refreshDatabaseGauges } from '@/lib/observability/db-gauges'
import { logger } from '@/lib/observability/logger'
import { metrics } from '@/lib/observability/metrics'

export const dynamic = 'force-dynamic'

/**
 * Prometheus metrics of this instance. Without METRICS_TOKEN the endpoint does not exist (404);
 * with it, a scraper sends `Authorization: Bearer <token>`, anything else is a 401.
 */
export async function GET(request: Request) {
  if (!env.METRICS_TOKEN) return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  if (!bearerTokenMatches(request.headers.get('authorization'), env.METRICS_TOKEN)) {
    return new Response('Unauthorized\n', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="metrics"', 'Cache-Control': 'no-store' },
    })
  }
  try {
    await refreshDatabaseGauges()
  } catch (error) {
    // The process's own metrics are still worth a scrape while the database is away.
    logger().warn({ err: error }, 'metrics: database gauges not refreshed')
  }
  const { registry } = metrics()
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' } })
}
