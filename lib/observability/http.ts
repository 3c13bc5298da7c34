import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'
import { logger as processLogger } from './logger'
import { httpMethods, metrics as processMetrics, type Metrics } from './metrics'
import { runWithRequestContext, type RequestContext } from './request-context'
import { acceptRequestId, requestIdHeader } from './request-id'

/**
 * Access logs and request metrics, around the HTTP server's handler (scripts/start.ts): it sees
 * every request, including the ones Next answers from its cache, and each response's final status.
 */

/** Maps a path to its route pattern (a low-cardinality label: `/roles/[slug]`, never `/roles/data-analyst`). */
export type RouteLabeler = (pathname: string) => string

interface ManifestRoute {
  page: string
  regex: string
}

/**
 * Route patterns from the build's routes-manifest.json (static pages by exact path, dynamic ones
 * by Next's own regexes, in Next's order). Without a manifest (development), the first path
 * segment and a placeholder.
 */
export function routeLabeler(manifestPath?: string): RouteLabeler {
  let staticPages = new Set<string>()
  let dynamicRoutes: { page: string; regex: RegExp }[] = []
  if (manifestPath) {
    try {
      const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] }
      staticPages = new Set((manifest.staticRoutes ?? []).map((r) => r.page))
      dynamicRoutes = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }))
    } catch {
      // no build yet (development): the rules below
    }
  }
  return (rawPath) => {
    const pathname = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath
    if (pathname.startsWith('/_next/')) {
      const [, , kind] = pathname.split('/')
      return kind === 'static' || kind === 'image' ? `/_next/${kind}` : '/_next'
    }
    if (staticPages.has(pathname)) return pathname
    for (const route of dynamicRoutes) if (route.regex.test(pathname)) return route.page
    if (staticPages.size > 0 || dynamicRoutes.length > 0) return '(unmatched)'
    const [, first] = pathname.split('/')
    if (!first) return '/'
    return pathname === `/${first}` ? pathname : `/${first}/[…]`
  }
}

export interface InstrumentOptions {
  routeOf: RouteLabeler
  metrics?: Metrics
  logger?: Logger
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Gives each request an id (a safe incoming X-Request-Id, else a new one) on the request headers,
 * the response and the async context; when the response ends (or the client goes away) counts it,
 * times it, and writes one access log line: method, route, status, duration, request and user id.
 * Never the query string or the raw path: they may hold tokens.
 */
export function instrumentRequests(handler: Handler, options: InstrumentOptions): Handler {
  return (req, res) => {
    const metrics = options.metrics ?? processMetrics()
    const log = options.logger ?? processLogger()
    const requestId = acceptRequestId(req.headers[requestIdHeader])
    req.headers[requestIdHeader] = requestId
    res.setHeader('X-Request-Id', requestId)
    const context: RequestContext = { requestId }
    const started = process.hrtime.bigint()
    let recorded = false
    const record = () => {
      if (recorded) return
      recorded = true
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const method = httpMethods.has(req.method ?? '') ? req.method! : 'OTHER'
      const route = options.routeOf((req.url ?? '/').split('?')[0]!)
      // A client that left before the response was complete: 499, as nginx logs it.
      const aborted = !res.writableFinished
      const status = aborted ? 499 : res.statusCode
      metrics.httpRequests.inc({ method, route, status: String(status) })
      metrics.httpDuration.observe({ method, route }, seconds)
      const line = { requestId, userId: context.userId, method, route, status, durationMs: Math.round(seconds * 10_000) / 10 }
      if (status >= 500) log.error(line, 'request')
      else log.info(line, 'request')
    }
    res.once('finish', record)
    res.once('close', record)
    runWithRequestContext(context, () => handler(req, res))
  }
}
