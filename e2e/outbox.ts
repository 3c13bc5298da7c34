import postgres from 'postgres'

/**
 * Reads mail the app queued, to follow links as a person would from their inbox. The embedded
 * database belongs to the server process, so this needs PostgreSQL (DATABASE_URL, as in CI).
 */
export const canReadOutbox = !!process.env.DATABASE_URL

export async function latestLink(to: string, pathPrefix: string, timeoutMs = 10_000): Promise<string> {
  const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
  try {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const rows = await sql<{ text_body: string }[]>`select text_body from email_outbox where to_address = ${to.toLowerCase()} order by created_at desc`
      for (const row of rows) {
        const match = row.text_body.match(new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/?]/g, '\\$&')}[^\\s]*`))
        if (match) return new URL(match[0]).pathname + new URL(match[0]).search
      }
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error(`no email to ${to} with a ${pathPrefix} link`)
  } finally {
    await sql.end()
  }
}
