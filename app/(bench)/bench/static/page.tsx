import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { env } from '@/lib/env'
import { BaselineContent } from '../../_components/baseline-content'

/**
 * The bench's static baseline: prerendered by `next build`, no data. The flag is checked twice: at
 * build time here (a build without BENCH_ROUTES prerenders a 404), and on every request by
 * proxy.ts (a bench build served without BENCH_ROUTES still answers 404), since a prerendered page
 * runs no code per request.
 */
export const dynamic = 'force-static'
export const metadata: Metadata = { title: 'Benchmark: static baseline', robots: { index: false } }

export default function StaticBaselinePage() {
  if (!env.BENCH_ROUTES) notFound()
  return <BaselineContent label="static" />
}
