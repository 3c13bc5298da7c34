import { Counter } from 'prom-client'
import { startRepeatingJob, type RepeatingJob } from '@/lib/jobs/repeating-job'
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
 * Runs the retention purge daily inside the app process (or `npm run worker`), one run at a time
 * (lib/jobs/repeating-job.ts, as the alert scheduler). Across instances the run's advisory lock
 * makes a second one skip, and every purge is idempotent.
 */
export function startRetentionScheduler(options: { intervalMs?: number; firstDelayMs?: number; onRun?: (summary: RetentionSummary) => void } = {}): RepeatingJob {
  return startRepeatingJob({
    name: 'retention',
    intervalMs: options.intervalMs ?? retentionIntervalMs,
    firstDelayMs: options.firstDelayMs ?? firstRunDelayMs,
    run: async () => {
      const summary = await runRetention()
      logRetentionSummary(summary)
      recordRetentionMetrics(summary)
      options.onRun?.(summary)
    },
  })
}
