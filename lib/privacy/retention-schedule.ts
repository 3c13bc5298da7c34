import { Counter } from 'prom-client'
import { metrics, recordJobSuccess } from '@/lib/observability/metrics'
import { retentionIntervalMs } from './retention-config'
import { logRetentionSummary, runRetention, type RetentionSummary } from './retention'

const globalForRetention = globalThis as typeof globalThis & { __skillsuRetentionPurged?: Counter<'kind'> }

/** Rows (or files, or bodies) each purge removed, in the app's one metrics registry; and the job's last success. */
export function recordRetentionMetrics(summary: RetentionSummary) {
  globalForRetention.__skillsuRetentionPurged ??= new Counter({
    name: 'skillsu_retention_purged_total',
    help: 'Personal data removed by the daily retention run, by kind.',
    labelNames: ['kind'],
    registers: [metrics().registry],
  })
  const purged = globalForRetention.__skillsuRetentionPurged
  for (const kind of ['newsletterSignups', 'applicationCvs', 'emailBodies', 'inquiries', 'auditRows'] as const) purged.inc({ kind }, summary[kind])
  if (summary.ran) recordJobSuccess('retention')
}

/** The first run waits this long after start, so a boot is not slowed by it. */
const firstRunDelayMs = 5 * 60 * 1000

/**
 * Runs the retention purge daily inside the app process (or `npm run worker`), the same way as the
 * alert scheduler: one run at a time per process, the next timer set after a run ends. Across
 * instances the run's advisory lock makes a second one skip, and every purge is idempotent.
 */
export function startRetentionScheduler(options: { intervalMs?: number; firstDelayMs?: number; onRun?: (summary: RetentionSummary) => void } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? retentionIntervalMs
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const tick = () => {
    if (stopped || running) return
    running = (async () => {
      try {
        const summary = await runRetention()
        logRetentionSummary(summary)
        recordRetentionMetrics(summary)
        options.onRun?.(summary)
      } catch (error) {
        console.error('[retention] run failed; retrying at the next tick', error)
      } finally {
        running = undefined
        schedule(intervalMs)
      }
    })()
  }

  const schedule = (delay: number) => {
    if (stopped) return
    timer = setTimeout(tick, delay)
    timer.unref()
  }

  schedule(Math.min(intervalMs, options.firstDelayMs ?? firstRunDelayMs))

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
