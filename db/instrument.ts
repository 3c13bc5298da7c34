import type { PGlite, Transaction as PgliteTransaction } from '@electric-sql/pglite'
import type postgres from 'postgres'
import { emitDbQuery } from '@/lib/observability/db-events'

/**
 * Reports every statement the app sends (what Drizzle issues, in and out of transactions) to
 * lib/observability/db-events, with its duration. Transaction control (BEGIN, COMMIT, SAVEPOINT)
 * is not reported, on either engine, so counts are comparable. The clients are patched in place,
 * not wrapped in a Proxy: PGlite keeps state in #private fields that a Proxy cannot reach.
 */

type AnyFn = (...args: unknown[]) => unknown

function report(started: number, ok: boolean, statement: unknown[]) {
  const [sql, params] = statement
  emitDbQuery({ durationMs: performance.now() - started, ok, sql: typeof sql === 'string' ? sql : undefined, params: Array.isArray(params) ? params : undefined })
}

/** postgres.js queries are lazy promises that start on their first `then`: time from there to settled. */
function timeQuery<Q extends PromiseLike<unknown>>(query: Q, statement: unknown[]): Q {
  const originalThen = query.then as (this: Q, ...args: unknown[]) => PromiseLike<unknown>
  let started = false
  Object.defineProperty(query, 'then', {
    configurable: true,
    writable: true,
    value(this: Q, ...args: unknown[]) {
      if (!started) {
        started = true
        const at = performance.now()
        originalThen.call(
          this,
          () => report(at, true, statement),
          () => report(at, false, statement),
        )
      }
      return originalThen.apply(this, args)
    },
  })
  return query
}

/** Wraps the function argument (the callback) so it receives an instrumented scope. */
function wrapCallbackArg(args: unknown[], instrument: (scope: never) => void): unknown[] {
  const last = args.length - 1
  const fn = args[last]
  if (typeof fn !== 'function') return args
  const wrapped = (scope: never) => {
    instrument(scope)
    return (fn as AnyFn)(scope)
  }
  return [...args.slice(0, last), wrapped]
}

interface PostgresScope {
  unsafe: AnyFn
  savepoint?: AnyFn
}

function instrumentPostgresScope(scope: PostgresScope, skip: () => boolean = () => false) {
  const unsafe = scope.unsafe
  scope.unsafe = (...args: unknown[]) => {
    const query = unsafe(...args) as PromiseLike<unknown>
    return skip() ? query : timeQuery(query, args)
  }
  const savepoint = scope.savepoint
  if (savepoint) {
    scope.savepoint = (...args: unknown[]) => savepoint(...wrapCallbackArg(args, instrumentPostgresScope))
  }
}

export function instrumentPostgres<T extends postgres.Sql>(client: T): T {
  const root = client as unknown as PostgresScope & { begin: AnyFn }
  // begin() sends its BEGIN through the root's unsafe() synchronously before its first await.
  let beginning = false
  instrumentPostgresScope(root, () => beginning)
  const begin = root.begin
  root.begin = (...args: unknown[]) => {
    beginning = true
    try {
      return begin(...wrapCallbackArg(args, instrumentPostgresScope))
    } finally {
      beginning = false
    }
  }
  return client
}

interface PgliteScope {
  query: AnyFn
  exec: AnyFn
}

function timed(fn: AnyFn): AnyFn {
  return async (...args: unknown[]) => {
    const at = performance.now()
    try {
      const result = await fn(...args)
      report(at, true, args)
      return result
    } catch (error) {
      report(at, false, args)
      throw error
    }
  }
}

function instrumentPgliteScope(scope: PgliteScope) {
  scope.query = timed(scope.query)
  scope.exec = timed(scope.exec)
}

export function instrumentPglite(client: PGlite): PGlite {
  const target = client as unknown as PgliteScope & { transaction: AnyFn }
  // Bound: PGlite's methods read #private fields of the instance.
  target.query = timed(client.query.bind(client) as AnyFn)
  target.exec = timed(client.exec.bind(client) as AnyFn)
  const transaction = client.transaction.bind(client) as AnyFn
  target.transaction = (...args: unknown[]) =>
    transaction(...wrapCallbackArg(args, (tx: PgliteTransaction) => instrumentPgliteScope(tx as unknown as PgliteScope)))
  return client
}
