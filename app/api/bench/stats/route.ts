import { NextResponse, type NextRequest } from 'next/server'
import { benchRoutesEnabled, benchStats } from '@/lib/bench/data'

export const dynamic = 'force-dynamic'

/** `npm run bench` only (BENCH_ROUTES=1): query count and, with ?record=start|stop, one request's statements. */
export function GET(request: NextRequest) {
  if (!benchRoutesEnabled()) return new NextResponse('Not Found\n', { status: 404 })
  const record = request.nextUrl.searchParams.get('record')
  return NextResponse.json(benchStats(record === 'start' || record === 'stop' ? record : undefined), { headers: { 'Cache-Control': 'no-store' } })
}
