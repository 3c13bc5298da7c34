/**
 * Request ids: one per request, sent back as X-Request-Id, carried by every log line, metric
 * exemplar and error report of that request, and by the mail it queues. A client or a proxy in
 * front may send its own (to follow a request across systems); it is kept only when it looks like
 * an id, so nothing a client sends can forge log lines or grow without bound.
 * No Node-only imports: proxy.ts uses this too.
 */
export const requestIdHeader = 'x-request-id'

const safeRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/

export function isSafeRequestId(value: unknown): value is string {
  return typeof value === 'string' && safeRequestId.test(value)
}

export function newRequestId(): string {
  return crypto.randomUUID()
}

/** The incoming id when it is safe, else a new one. */
export function acceptRequestId(incoming: string | string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming
  return isSafeRequestId(value) ? value : newRequestId()
}
