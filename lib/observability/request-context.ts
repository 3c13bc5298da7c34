import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What is known about the request being served, for logs and the data layer: set by the server
 * (scripts/start.ts) around each request, read anywhere below it without passing it along.
 * The storage lives on globalThis: the Next server bundles its own copies of this module, and
 * they must all see the context the start script opened.
 */
export interface RequestContext {
  requestId: string
  /** Set once the data layer has loaded the signed-in user (lib/auth/session.ts). */
  userId?: string
}

const globalForContext = globalThis as typeof globalThis & { __skillsuRequestContext?: AsyncLocalStorage<RequestContext> }

function storage(): AsyncLocalStorage<RequestContext> {
  globalForContext.__skillsuRequestContext ??= new AsyncLocalStorage<RequestContext>()
  return globalForContext.__skillsuRequestContext
}

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage().run(context, fn)
}

export function requestContext(): RequestContext | undefined {
  return storage().getStore()
}

/** The current request's id, or undefined outside a request (jobs, scripts). */
export function currentRequestId(): string | undefined {
  return storage().getStore()?.requestId
}

/** Records who is signed in, for the request's access log line. */
export function setRequestUser(userId: string) {
  const context = storage().getStore()
  if (context) context.userId = userId
}
