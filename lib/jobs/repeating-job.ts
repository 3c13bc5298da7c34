/**
 * A job that runs every `intervalMs` inside the app process (or `npm run worker`): the alert
 * digests and the retention purge. One run at a time per process: the next timer is set after a
 * run ends, never on a fixed beat. A failed run is logged and retried at the next tick. Timers are
 * unref'd, so the job never keeps a process alive on its own (scripts, tests, shutdown). stop()
 * ends the timer, aborts the signal the run was given and waits for a run in progress to finish.
 * Running once across several instances is each job's own business (unique keys, advisory locks).
 */
export interface RepeatingJob {
  stop(): Promise<void>
}

export function startRepeatingJob(options: {
  /** For the log line of a failed run: "[alerts] digest run failed; ...". */
  name: string
  what?: string
  intervalMs: number
  /** The wait before the first run (at most the interval), so a boot is not slowed by it. */
  firstDelayMs: number
  run: (signal: AbortSignal) => Promise<void>
}): RepeatingJob {
  const { name, what = 'run', intervalMs, run } = options
  const abort = new AbortController()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let stopped = false

  const tick = () => {
    if (stopped || running) return
    running = (async () => {
      try {
        await run(abort.signal)
      } catch (error) {
        console.error(`[${name}] ${what} failed; retrying at the next tick`, error)
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

  schedule(Math.min(intervalMs, options.firstDelayMs))

  return {
    async stop() {
      stopped = true
      clearTimeout(timer)
      abort.abort()
      await running
    },
  }
}
