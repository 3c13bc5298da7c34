/**
 * `npm test`'s `reliability` step, after the build: graceful shutdown, then the database outage
 * check, each against the production build and a PostgreSQL database of its own. Both need
 * DATABASE_URL (a second process on the embedded database is not possible); without it, skipped.
 */
import { spawnSync } from 'node:child_process'

const checks = ['test/shutdown/graceful-shutdown.ts', 'test/outage/server-outage.ts']

if (!process.env.DATABASE_URL) {
  console.log('Skipped: graceful shutdown and outage checks need PostgreSQL (set DATABASE_URL).')
  process.exit(0)
}
for (const file of checks) {
  console.log(`\n--- ${file}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' })
  if (run.status !== 0) {
    console.error(`${file} failed.`)
    process.exit(run.status ?? 1)
  }
}
