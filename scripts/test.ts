/**
 * `npm test`: every check, in the order a failure is cheapest to find. One production build,
 * reused by the end-to-end tests.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

const only = process.argv.slice(2)
const bin = (name: string) => `node_modules/.bin/${name}`

const steps: { name: string; cmd: string; args: string[]; before?: () => void }[] = [
  { name: 'deps', cmd: bin('tsx'), args: ['scripts/check-deps.ts'] },
  // Migrations the still-serving release could break on (drops, renames, type changes) need a stated reason.
  { name: 'migrations', cmd: bin('tsx'), args: ['scripts/check-migrations.ts'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit'] },
  { name: 'unit+db', cmd: bin('vitest'), args: ['run'] },
  { name: 'build', cmd: bin('next'), args: ['build'] },
  // Graceful shutdown and database outage against the build (PostgreSQL only; skipped without DATABASE_URL).
  { name: 'reliability', cmd: process.execPath, args: ['--import', 'tsx', 'test/reliability.ts'] },
  {
    name: 'e2e',
    cmd: bin('playwright'),
    args: ['test'],
    // A fresh embedded database for every run (ignored when DATABASE_URL points at PostgreSQL).
    before: () => fs.rmSync('.data/e2e', { recursive: true, force: true }),
  },
]

const results: string[] = []
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue
  console.log(`\n=== ${step.name}: ${[step.cmd, ...step.args].join(' ')}`)
  step.before?.()
  const started = Date.now()
  const run = spawnSync(step.cmd, step.args, { stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  results.push(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${seconds}s)`)
  if (run.status !== 0) {
    console.error(`\n${results.join('\n')}\n\n${step.name} failed.`)
    process.exit(run.status ?? 1)
  }
}
console.log(`\n${results.join('\n')}`)
