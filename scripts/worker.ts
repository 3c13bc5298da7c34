/**
 * `npm run worker`: the outbox sender and the alert scheduler in a process of their own, for
 * deployments that run them apart from the app (set OUTBOX_DISABLED=1 on the app instances then).
 * PostgreSQL only: the embedded database allows one process, and the app holds it.
 */
async function main() {
  const { env } = await import('@/lib/env').catch((error: unknown) => {
    if (error instanceof Error && error.name === 'EnvError') {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  })
  if (!env.DATABASE_URL) {
    console.error(
      'npm run worker needs DATABASE_URL (PostgreSQL). The embedded database allows one process, so without DATABASE_URL the app sends mail itself: just run npm start.',
    )
    process.exit(1)
  }
  const { getDatabase, closeDatabase } = await import('@/db')
  const { startOutboxSender } = await import('@/lib/email/sender')
  const { startAlertScheduler } = await import('@/lib/alerts/schedule')
  const { startRetentionScheduler } = await import('@/lib/privacy/retention-schedule')
  const { registerBackgroundJob, stopBackgroundJobs } = await import('@/lib/email/background')

  console.log(`> Worker on PostgreSQL at ${getDatabase().location}`)
  registerBackgroundJob('outbox-sender', startOutboxSender())
  registerBackgroundJob('alert-scheduler', startAlertScheduler())
  registerBackgroundJob('retention', startRetentionScheduler())

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`> ${signal}: finishing the message in flight, releasing the rest, then stopping`)
    setTimeout(() => process.exit(1), 60_000).unref()
    void stopBackgroundJobs()
      .then(() => closeDatabase())
      .then(() => process.exit(0))
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  // The loops' timers are unref'd; this keeps the process up until a signal arrives.
  setInterval(() => {}, 1 << 30)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
