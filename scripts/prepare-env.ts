import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Runs before lib/env.ts is imported: gives a fresh checkout a session secret of its own, kept
 * under .data/ (git-ignored), so `npm start` needs no configuration. Deployments set NEXTAUTH_SECRET.
 */
export function ensureLocalSecret(dataDir = '.data') {
  if (process.env.NEXTAUTH_SECRET) return
  const file = path.join(dataDir, 'auth-secret')
  fs.mkdirSync(dataDir, { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 })
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, 'utf8').trim()
}
