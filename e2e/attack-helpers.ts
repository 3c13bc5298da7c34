import postgres from 'postgres'
import { test } from './test'

/**
 * Attack tests that look in the database (what was stored, what was not) or change it behind the
 * app's back (demote, disable) need the server's PostgreSQL: DATABASE_URL, as CI sets it. Without
 * it the embedded database belongs to the server process and these tests skip, saying why.
 */
export const hasDatabase = !!process.env.DATABASE_URL
export const needsDatabase = () => test.skip(!hasDatabase, 'needs DATABASE_URL (the e2e server on PostgreSQL, as in CI) to read and change rows directly')

/** A short-lived connection to the e2e server's database. */
export async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    return await fn(sql)
  } finally {
    await sql.end()
  }
}

/**
 * Text only signed-in pages show: the admin navigation's links, the seeded admin's address (users
 * list, audit log), the dashboard's own headings. Page titles are not content: a 403 page keeps
 * its route's static title ("Audit log | SkillsU admin").
 */
export const protectedMarkers = ['href="/admin/audit"', '\\"href\\":\\"/admin/audit\\"', 'admin@example.com', 'Your target roles', 'Hello, E2E', 'Sign out everywhere']

export const runId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/**
 * What an attacker with a proxy (or the devtools) does to a server action: the browser sends the
 * real form's request, and extra fields are put into it on the way. Server actions here take
 * either FormData (multipart, React prefixes each key with the argument's index, `1_name`) or a
 * plain object (a JSON array of the arguments); both are handled. Returns the fields seen.
 */
export async function injectIntoActions(page: import('./test').Page, extra: Record<string, string>) {
  const seen: string[] = []
  await page.route('**/*', async (route) => {
    const request = route.request()
    if (request.method() !== 'POST' || !request.headers()['next-action']) return route.fallback()
    const type = request.headers()['content-type'] ?? ''
    const body = request.postDataBuffer()?.toString('utf8') ?? ''
    const boundary = /boundary=(.+)$/.exec(type)?.[1]
    if (boundary) {
      const parts = body.split(`--${boundary}`).slice(1, -1)
      const fields = parts.map((part) => {
        const [head, ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n')
        return { name: /name="([^"]+)"/.exec(head!)![1]!, head: head!, value: rest.join('\r\n\r\n').replace(/\r\n$/, '') }
      })
      const prefix = /^(\d+_)/.exec(fields.find((f) => /^\d+_/.test(f.name))?.name ?? '')?.[1] ?? ''
      for (const [key, value] of Object.entries(extra)) {
        const name = `${prefix}${key}`
        const existing = fields.find((f) => f.name === name)
        if (existing) existing.value = value
        else fields.push({ name, head: `Content-Disposition: form-data; name="${name}"`, value })
      }
      seen.push(...fields.map((f) => f.name))
      const postData = fields.map((f) => `--${boundary}\r\n${f.head}\r\n\r\n${f.value}\r\n`).join('') + `--${boundary}--\r\n`
      return route.continue({ postData })
    }
    const args = JSON.parse(body) as unknown[]
    if (args[0] && typeof args[0] === 'object') Object.assign(args[0] as object, extra)
    seen.push(...Object.keys((args[0] as object) ?? {}))
    return route.continue({ postData: JSON.stringify(args) })
  })
  return seen
}
