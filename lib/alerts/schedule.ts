import { startRepeatingJob, type RepeatingJob } from '@/lib/jobs/repeating-job'
import { runDigests, type DigestRunSummary } from './digest'

/** How often the in-process scheduler looks for due digests. Periods are days or longer; a quarter hour is prompt enough. */
export const defaultAlertIntervalMs = 15 * 60 * 1000
/** The first run waits this long after start (at most the interval), so a boot is not slowed by it. */
const firstRunDelayMs = 60 * 1000

/**
 * Runs the digest job every `intervalMs` inside the app process (started from instrumentation.ts),
 * one run at a time (lib/jobs/repeating-job.ts). Across processes the unique (user, period) key
 * keeps it safe; stop() waits for a run in progress to finish its current candidate.
 */
export function startAlertScheduler(options: { intervalMs?: number; onRun?: (summary: DigestRunSummary) => void } = {}): RepeatingJob {
  const intervalMs = options.intervalMs ?? defaultAlertIntervalMs
  return startRepeatingJob({
    name: 'alerts',
    what: 'digest run',
    intervalMs,
    firstDelayMs: firstRunDelayMs,
    run: async (signal) => {
      const summary = await runDigests({ signal })
      if (summary.sent || summary.failed) {
        console.info(`[alerts] digests: ${summary.sent} sent, ${summary.empty} with nothing new, ${summary.skipped} skipped, ${summary.failed} failed`)
      }
      options.onRun?.(summary)
    },
  })
}
