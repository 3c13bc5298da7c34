import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { onDbQuery } from './db-events'

/**
 * The process's Prometheus metrics, served at /api/metrics. One registry per process on
 * globalThis: the start script (access metrics) and the Next server bundle (everything else) load
 * separate copies of this module and must count into the same metrics.
 */
export interface Metrics {
  registry: Registry
  httpRequests: Counter<'method' | 'route' | 'status'>
  httpDuration: Histogram<'method' | 'route'>
  dbQueryDuration: Histogram<'ok'>
  outboxMessages: Gauge<'status'>
  outboxOldestHeldSeconds: Gauge
  jobLagSeconds: Gauge<'job'>
  jobRuns: Counter<'job' | 'outcome'>
  jobLastSuccess: Gauge<'job'>
  emailFailures: Counter<'final'>
  rateLimitRefusals: Counter<'limit'>
  signInFailures: Counter
  serverErrors: Counter<'route'>
}

export const httpMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/** A fresh set of metrics on its own registry (tests); the app uses `metrics()`. */
export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const registers = [registry]
  const m: Metrics = {
    registry,
    httpRequests: new Counter({ name: 'skillsu_http_requests_total', help: 'HTTP requests answered, by route pattern and status.', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'skillsu_http_request_duration_seconds',
      help: 'Time from the request to the end of its response, by route pattern.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    dbQueryDuration: new Histogram({
      name: 'skillsu_db_query_duration_seconds',
      help: 'Database statements (transaction control excluded), by outcome.',
      labelNames: ['ok'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    }),
    outboxMessages: new Gauge({ name: 'skillsu_email_outbox_messages', help: 'Messages in the email outbox by status (read at scrape time).', labelNames: ['status'], registers }),
    outboxOldestHeldSeconds: new Gauge({ name: 'skillsu_email_outbox_oldest_held_seconds', help: 'Age of the oldest held message (no SMTP configured); 0 when none.', registers }),
    jobLagSeconds: new Gauge({
      name: 'skillsu_job_lag_seconds',
      help: 'How long the oldest due work of a background job has waited (outbox: the oldest due queued message).',
      labelNames: ['job'],
      registers,
    }),
    jobRuns: new Counter({ name: 'skillsu_job_runs_total', help: 'Background job runs by outcome.', labelNames: ['job', 'outcome'], registers }),
    jobLastSuccess: new Gauge({ name: 'skillsu_job_last_success_timestamp_seconds', help: 'When a background job last finished a run without error (Unix time).', labelNames: ['job'], registers }),
    emailFailures: new Counter({ name: 'skillsu_email_send_failures_total', help: 'Failed SMTP attempts; final="true" when the message is given up on.', labelNames: ['final'], registers }),
    rateLimitRefusals: new Counter({ name: 'skillsu_rate_limit_refusals_total', help: 'Requests refused by a rate limit, by limit name.', labelNames: ['limit'], registers }),
    signInFailures: new Counter({ name: 'skillsu_sign_in_failures_total', help: 'Sign-ins refused for a wrong password, unknown or disabled account, or a wrong second factor.', registers }),
    serverErrors: new Counter({ name: 'skillsu_server_errors_total', help: 'Server errors reported by Next (onRequestError), by route.', labelNames: ['route'], registers }),
  }
  onDbQuery((event) => m.dbQueryDuration.observe({ ok: String(event.ok) }, event.durationMs / 1000))
  return m
}

const globalForMetrics = globalThis as typeof globalThis & { __skillsuMetrics?: Metrics }

export function metrics(): Metrics {
  globalForMetrics.__skillsuMetrics ??= createMetrics()
  return globalForMetrics.__skillsuMetrics
}

/** A background job finished a run without error. */
export function recordJobSuccess(job: string) {
  metrics().jobRuns.inc({ job, outcome: 'ok' })
  metrics().jobLastSuccess.set({ job }, Date.now() / 1000)
}
