import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { benchPing, benchRoutesEnabled } from '@/lib/bench/data'
import { BaselineContent } from '../../_components/baseline-content'

/** The bench's dynamic baseline: rendered per request with one trivial query through the data layer. */
export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Benchmark: dynamic baseline', robots: { index: false } }

export default async function DynamicBaselinePage() {
  if (!benchRoutesEnabled()) notFound()
  const one = await benchPing()
  return <BaselineContent label="dynamic" extra={`Database answered ${one}.`} />
}
