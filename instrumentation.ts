/**
 * Background work of the app process: the outbox sender and the opportunity-alert scheduler, one
 * of each per process. Not during `next build`, not with OUTBOX_DISABLED (tests, CI, app instances
 * beside `npm run worker`). scripts/start.ts stops them before it closes the database.
 */
export async function register() {
  // The edge runtime has no sockets and no database; only the Node.js server runs the loops.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { env } = await import('@/lib/env')
  if (env.NEXT_PHASE === 'phase-production-build' || env.OUTBOX_DISABLED) return

  const { startOutboxSender } = await import('@/lib/email/sender')
  const { startAlertScheduler } = await import('@/lib/alerts/schedule')
  const { registerBackgroundJob } = await import('@/lib/email/background')
  registerBackgroundJob('outbox-sender', startOutboxSender())
  registerBackgroundJob('alert-scheduler', startAlertScheduler())
}
