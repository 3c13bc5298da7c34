/**
 * Deploys without downtime: while a new release migrates, the previous one still serves, so a
 * migration must not take away what the running code reads (dropping or renaming a table or
 * column, changing a column's type). This check fails on such a statement unless its file says
 * why it is safe: a comment `-- destructive-ok: <reason>` (e.g. the column has been unused for a
 * release). Expand first, contract one release later.
 *
 * `tsx scripts/check-migrations.ts [dir]`; a step of `npm test`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Migrations from before this check: already applied everywhere, not checked again. */
export const grandfathered: ReadonlySet<string> = new Set([
  '0000_init.sql',
  '0001_role_search_triggers.sql',
  '0002_accounts.sql',
  '0003_cms.sql',
  '0004_trainers_inquiries_newsletter.sql',
  '0005_email_delivery_alerts.sql',
  '0006_security_privacy_ops.sql',
])

const destructive: { name: string; pattern: RegExp }[] = [
  { name: 'DROP COLUMN', pattern: /\bdrop\s+column\b/i },
  { name: 'DROP TABLE', pattern: /\bdrop\s+table\b/i },
  { name: 'RENAME', pattern: /\brename\b/i },
  { name: 'ALTER ... TYPE', pattern: /\balter\s+(?:table\s+(?:if\s+exists\s+)?(?:only\s+)?\S+\s+)?(?:alter\s+)?(?:column\s+)?\S+\s+(?:set\s+data\s+)?type\b/i },
]

const marker = /^[ \t]*--[ \t]*destructive-ok:[ \t]*\S.*$/im

/** SQL without comments and string literals, so a word in either never counts. */
function codeOnly(sql: string) {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''")
}

export interface MigrationProblem {
  file: string
  statements: string[]
}

/** The migrations in `dir` (not grandfathered) with unmarked destructive statements. */
export function checkMigrations(dir: string, baseline: ReadonlySet<string> = grandfathered): MigrationProblem[] {
  const problems: MigrationProblem[] = []
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql') && !baseline.has(f))
    .sort()
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8')
    if (marker.test(text)) continue
    const found = destructive.filter((d) => d.pattern.test(codeOnly(text))).map((d) => d.name)
    if (found.length) problems.push({ file, statements: found })
  }
  return problems
}

function main() {
  const dir = process.argv[2] ?? path.join(process.cwd(), 'db', 'migrations')
  const problems = checkMigrations(dir)
  if (!problems.length) {
    console.log(`Migrations: nothing destructive without a reason (${dir}).`)
    return
  }
  for (const p of problems) {
    console.error(`${p.file}: ${p.statements.join(', ')}. The release still serving may read what this removes or changes.`)
  }
  console.error(
    '\nSplit it: add the new thing in one release, remove the old one in the next. If this is safe (nothing running reads it), ' +
      'say why in the file with a line `-- destructive-ok: <reason>`.',
  )
  process.exit(1)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
