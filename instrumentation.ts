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
  const { startRetentionScheduler } = await import('@/lib/privacy/retention-schedule')
  const { registerBackgroundJob } = await import('@/lib/email/background')
  registerBackgroundJob('outbox-sender', startOutboxSender())
  const { recordJobSuccess } = await import('@/lib/observability/metrics')
  registerBackgroundJob('alert-scheduler', startAlertScheduler({ onRun: () => recordJobSuccess('alert-scheduler') }))
  registerBackgroundJob('retention', startRetentionScheduler())
}

/**
 * Every server error Next sees (rendering, route handlers, server actions, proxy): logged once
 * with its digest (the reference the error page shows) and request id, counted, stored for the
 * operations page, and sent to ERROR_WEBHOOK_URL. The response does not wait for any of it.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath?: string },
) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { reportServerError } = await import('@/lib/observability/errors')
  const header = request.headers['x-request-id']
  const digest = (error as { digest?: unknown } | null)?.digest
  void reportServerError({
    error,
    digest: typeof digest === 'string' ? digest : undefined,
    requestId: Array.isArray(header) ? header[0] : header,
    route: context.routePath,
  })
}
