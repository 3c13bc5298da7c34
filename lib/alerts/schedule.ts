import { runDigests, type DigestRunSummary } from './digest'

/** How often the in-process scheduler looks for due digests. Periods are days or longer; a quarter hour is prompt enough. */
export const defaultAlertIntervalMs = 15 * 60 * 1000
/** The first run waits this long after start (at most the interval), so a boot is not slowed by it. */
const firstRunDelayMs = 60 * 1000

/**
 * Runs the digest job every `intervalMs` inside the app process (started from instrumentation.ts).
 * One run at a time per process: the next waits for the previous to end (timers are set after a
 * run, never on a fixed beat). Across processes the unique (user, period) key keeps it safe. A
 * failed run is logged and retried at the next tick; stop() ends the timer and waits for a run in
 * progress to finish its current candidate.
 */
export function startAlertScheduler(options: { intervalMs?: number; onRun?: (summary: DigestRunSummary) => void } = {}): { stop(): Promise<void> } {
  const intervalMs = options.intervalMs ?? defaultAlertIntervalMs
  const abort = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const tick = () => {
    if (stopped || running) return
    running = (async () => {
      try {
        const summary = await runDigests({ signal: abort.signal })
        if (summary.sent || summary.failed) {
          console.info(`[alerts] digests: ${summary.sent} sent, ${summary.empty} with nothing new, ${summary.skipped} skipped, ${summary.failed} failed`)
        }
        options.onRun?.(summary)
      } catch (error) {
        console.error('[alerts] digest run failed; retrying at the next tick', error)
      } finally {
        running = undefined
        schedule(intervalMs)
      }
    })()
  }

  const schedule = (delay: number) => {
    if (stopped) return
    timer = setTimeout(tick, delay)
    // Never keeps a process alive on its own (scripts, tests, shutdown).
    timer.unref()
  }

  schedule(Math.min(intervalMs, firstRunDelayMs))

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      abort.abort()
      await running
    },
  }
}
