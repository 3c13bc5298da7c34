import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'

/**
 * Server actions called over HTTP the way Next's client router does (next/dist/client/components/
 * router-reducer/reducers/server-action-reducer.js): a POST to a page, `Next-Action: <id>`,
 * `Accept: text/x-component`, the arguments encoded by React's own encodeReply (a string for
 * plain values, multipart FormData when a FormData or File is among them), with arguments the
 * action does not read left out as the id's info byte says. The answer is the RSC stream; its row
 * 0 points at the action's return value.
 */

// React's Flight client as Next ships it: the same encoder the browser bundle uses.
const require = createRequire(import.meta.url)
const flight = require('next/dist/compiled/react-server-dom-webpack/client.node.js') as { encodeReply: (value: unknown) => Promise<string | FormData> }
const refInfo = require('next/dist/shared/lib/server-reference-info.js') as {
  extractInfoFromServerReferenceId: (id: string) => unknown
  omitUnusedArgs: (args: unknown[], info: unknown) => unknown[]
}

export interface ManifestAction {
  id: string
  /** `<filename>#<exportedName>`, the matrix key. */
  key: string
  /** A page path (URL) that renders a form using the action. */
  page: string
}

/** `app/(site)/demo/[[...demo]]/page` -> `/demo`; a dynamic segment gets a placeholder uuid. */
export function pageUrl(worker: string): string {
  const parts = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith('@'))
    .filter((s) => !/^\[\[\.\.\..+\]\]$/.test(s))
    .map((s) => (/^\[.+\]$/.test(s) ? '00000000-0000-4000-8000-000000000000' : s))
  return '/' + parts.join('/')
}

const dynamicSegments = (worker: string) => (worker.match(/\[/g) ?? []).length

/** Every action of the production build: id, matrix key, and the least dynamic page that uses it. */
export function readManifest(distDir: string): ManifestAction[] {
  const file = path.join(distDir, 'server', 'server-reference-manifest.json')
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>
  }
  return Object.entries(manifest.node).map(([id, entry]) => {
    if (!entry.filename || !entry.exportedName) throw new Error(`${file}: action ${id} has no filename/exportedName (Next older than 16?)`)
    const workers = Object.keys(entry.workers).sort((a, b) => dynamicSegments(a) - dynamicSegments(b) || a.length - b.length)
    return { id, key: `${entry.filename}#${entry.exportedName}`, page: pageUrl(workers[0]!) }
  })
}

/** What came back: the action's value, or how the request was turned away before the action ran. */
export type CallOutcome =
  | { kind: 'result'; status: number; value: unknown }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'error'; status: number; body: string }

export async function callAction(
  request: APIRequestContext,
  action: ManifestAction,
  args: unknown[],
  options: { baseURL: string; cookie?: string; ip: string },
): Promise<CallOutcome> {
  const body = await flight.encodeReply(refInfo.omitUnusedArgs(args, refInfo.extractInfoFromServerReferenceId(action.id)))
  const headers: Record<string, string> = {
    'Next-Action': action.id,
    Accept: 'text/x-component',
    Origin: options.baseURL,
    'x-forwarded-for': options.ip,
  }
  if (options.cookie) headers.Cookie = options.cookie
  const response = await request.fetch(action.page, {
    method: 'POST',
    headers: typeof body === 'string' ? { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' } : headers,
    ...(typeof body === 'string' ? { data: body } : { multipart: body }),
    maxRedirects: 0,
    failOnStatusCode: false,
  })
  const status = response.status()
  if (status >= 300 && status < 400) return { kind: 'redirect', status, location: response.headers()['location'] ?? '' }
  const text = await response.text()
  if (status !== 200 || !(response.headers()['content-type'] ?? '').startsWith('text/x-component')) return { kind: 'error', status, body: text.slice(0, 500) }
  return { kind: 'result', status, value: actionValue(text) }
}

/** The rows of an RSC payload by id: `<hex id>:<JSON>\n`, or `<hex id>:T<hex byte length>,<text>` for long strings. */
export function parseFlightRows(payload: string): Map<string, unknown> {
  const bytes = Buffer.from(payload, 'utf8')
  const rows = new Map<string, unknown>()
  let i = 0
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i)
    if (colon < 0) break
    const id = bytes.subarray(i, colon).toString()
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon)
      const length = parseInt(bytes.subarray(colon + 2, comma).toString(), 16)
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString())
      i = comma + 1 + length
      continue
    }
    const end = bytes.indexOf(0x0a, colon)
    const line = bytes.subarray(colon + 1, end < 0 ? bytes.length : end).toString()
    i = end < 0 ? bytes.length : end + 1
    // Tagged rows (I: client module, E: error, H: hint, ...) are not the action's value.
    if (/^[A-Z]/.test(line)) continue
    try {
      rows.set(id, JSON.parse(line))
    } catch {
      // A row this reader does not know; the action's value is plain JSON.
    }
  }
  return rows
}

/** Flight's escapes in plain values: `$$x` is the string `$x`, `$undefined`, `$@n`/`$n` point at row n. */
function revive(value: unknown, rows: Map<string, unknown>, depth = 0): unknown {
  if (depth > 20) return value
  if (typeof value === 'string') {
    if (value.startsWith('$$')) return value.slice(1)
    if (value === '$undefined') return undefined
    const ref = /^\$@?([0-9a-f]+)$/.exec(value)
    if (ref) return revive(rows.get(ref[1]!), rows, depth + 1)
    return value
  }
  if (Array.isArray(value)) return value.map((v) => revive(v, rows, depth + 1))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, rows, depth + 1)]))
  return value
}

export function actionValue(payload: string): unknown {
  const rows = parseFlightRows(payload)
  const root = rows.get('0') as { a?: unknown } | undefined
  if (!root || !('a' in root)) throw new Error(`no action result in the response: ${payload.slice(0, 300)}`)
  return revive(root.a, rows)
}
