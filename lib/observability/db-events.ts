/**
 * One event per database query, from the data layer (db/index.ts wraps both engines' clients).
 * Listeners (the bench's round-trip counter, Prometheus metrics) subscribe with `onDbQuery`.
 * The registry lives on globalThis: the Next server bundles several copies of this module and
 * every copy must see the same listeners and the same count.
 */
export interface DbQueryEvent {
  durationMs: number
  ok: boolean
  /** The statement and its parameters as sent (the bench explains them). */
  sql?: string
  params?: readonly unknown[]
}

export type DbQueryListener = (event: DbQueryEvent) => void

interface Registry {
  listeners: Set<DbQueryListener>
  count: number
}

const globalForEvents = globalThis as typeof globalThis & { __skillsuDbEvents?: Registry }

function registry(): Registry {
  globalForEvents.__skillsuDbEvents ??= { listeners: new Set(), count: 0 }
  return globalForEvents.__skillsuDbEvents
}

/** Calls `listener` after every query; returns a function that unsubscribes it. */
export function onDbQuery(listener: DbQueryListener): () => void {
  const { listeners } = registry()
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Called by the data layer once per query, when it settles. A failing listener never fails the query. */
export function emitDbQuery(event: DbQueryEvent): void {
  const reg = registry()
  reg.count += 1
  for (const listener of reg.listeners) {
    try {
      listener(event)
    } catch {
      // observability must not break the request
    }
  }
}

/** Queries this process has sent since it started (round trips, BEGIN/COMMIT not included). */
export function dbQueryCount(): number {
  return registry().count
}
