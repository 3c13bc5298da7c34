import fs from 'node:fs'
import path from 'node:path'
import { e2eAuthSecret } from '../playwright.config'
import { expect, test } from './test'

/**
 * Nothing secret reaches the browser: every file the build serves from /_next/static is scanned
 * for the secrets this run knows (the e2e auth secret, the database address, SMTP credentials) and
 * for shapes secrets have. The build that `npm test` made is the one the e2e server serves.
 */
const distDir = process.env.NEXT_DIST_DIR || '.next'
const staticDir = path.join(distDir, 'static')

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** The secret parts of a URL (password, and the whole URL), when the variable is set. */
function urlSecrets(name: string): string[] {
  const raw = process.env[name]
  if (!raw) return []
  const found = [raw]
  try {
    const url = new URL(raw)
    if (url.password && url.password.length >= 4) found.push(decodeURIComponent(url.password))
  } catch {
    // not a URL: the whole value is the secret
  }
  return found
}

test('no secret or server-only setting is in a client bundle', async () => {
  expect(fs.existsSync(staticDir), `${staticDir} exists (run the build first)`).toBe(true)
  const files = filesUnder(staticDir).filter((f) => /\.(js|mjs|css|json|html|txt|map)$/.test(f))
  expect(files.length, 'client files found').toBeGreaterThan(10)

  const secrets = [
    e2eAuthSecret,
    'e2e-admin-password-123',
    ...urlSecrets('DATABASE_URL'),
    ...urlSecrets('SMTP_URL'),
    ...urlSecrets('REDIS_URL'),
    ...['NEXTAUTH_SECRET', 'TOTP_ENCRYPTION_KEY', 'SMTP_PASSWORD', 'ADMIN_PASSWORD'].map((n) => process.env[n]).filter((v): v is string => !!v && v.length >= 8),
  ]
  const patterns = [
    /postgres(?:ql)?:\/\/[^\s"'`]+/i,
    /redis:\/\/[^\s"'`]*@/i,
    /smtps?:\/\/[^\s"'`/]+:[^\s"'`/]+@/i,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\$argon2id\$/,
    // lib/env.ts (server-only) pulled into a client bundle would carry these names with it.
    /\bNEXTAUTH_SECRET\b/,
    /\bDATABASE_URL\b/,
    /\bSMTP_URL\b/,
  ]

  const leaks: string[] = []
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8')
    for (const secret of secrets) if (text.includes(secret)) leaks.push(`${file}: a known secret (${secret.slice(0, 4)}...)`)
    for (const pattern of patterns) {
      const match = text.match(pattern)
      if (match) leaks.push(`${file}: ${pattern} (${match[0].slice(0, 30)})`)
    }
  }
  expect(leaks).toEqual([])
})
