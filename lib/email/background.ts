/**
 * The background loops a process runs (outbox sender, alert scheduler), kept on globalThis so the
 * server script can stop them from its own copy of this module before it closes the database.
 */
interface Job {
  stop(): Promise<void>
}

const globalForJobs = globalThis as typeof globalThis & { __skillsuBackgroundJobs?: { jobs: Map<string, Job>; stopping?: Promise<void> } }

export function registerBackgroundJob(name: string, job: Job) {
  globalForJobs.__skillsuBackgroundJobs ??= { jobs: new Map() }
  globalForJobs.__skillsuBackgroundJobs.jobs.set(name, job)
}

/** Stops every loop: each finishes what it is doing and gives back what it claimed. Safe to call twice. */
export function stopBackgroundJobs(): Promise<void> {
  const state = globalForJobs.__skillsuBackgroundJobs
  if (!state) return Promise.resolve()
  state.stopping ??= Promise.allSettled([...state.jobs.values()].map((job) => job.stop())).then(() => {})
  return state.stopping
}
