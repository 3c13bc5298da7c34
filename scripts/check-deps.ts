/**
 * `tsx scripts/check-deps.ts`: fails when the lockfile resolves next, react, react-dom or next-auth
 * below the patched releases the foundation issue requires (each closes published security
 * advisories). The npm audit endpoint cannot be reached from CI, so this is the check that runs
 * there; SECURITY.md explains `npm audit` for those who can reach it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The lowest acceptable version of each package (foundation issue, "Stack and versions"). */
export const patchedMinimums: Record<string, string> = {
  next: '16.3.3',
  react: '19.2.8',
  'react-dom': '19.2.8',
  'next-auth': '4.24.15',
}

type Version = { core: [number, number, number]; pre: boolean }

function parse(version: string): Version | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?(\+.*)?$/.exec(version.trim())
  if (!m) return undefined
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: Boolean(m[4]) }
}

/** Whether `version` is at or above `minimum`; a prerelease of the minimum itself is below it. */
export function atLeast(version: string, minimum: string): boolean {
  const v = parse(version)
  const min = parse(minimum)
  if (!v || !min) return false
  for (let i = 0; i < 3; i++) {
    if (v.core[i]! !== min.core[i]!) return v.core[i]! > min.core[i]!
  }
  return !v.pre || min.pre
}

interface Lockfile {
  lockfileVersion?: number
  packages?: Record<string, { version?: string }>
}

/** Every problem with the lockfile: each installed copy of each package below its minimum, or missing. */
export function checkLockfile(lock: Lockfile, minimums = patchedMinimums): string[] {
  if (!lock.packages) return ['package-lock.json has no "packages" section (lockfileVersion 2 or 3 is needed: run npm install with npm 7 or newer)']
  const problems: string[] = []
  for (const [name, minimum] of Object.entries(minimums)) {
    const copies = Object.entries(lock.packages).filter(([key]) => key === `node_modules/${name}` || key.endsWith(`/node_modules/${name}`))
    if (!copies.some(([key]) => key === `node_modules/${name}`)) problems.push(`${name}: not in the lockfile (at least ${minimum} is required)`)
    for (const [key, entry] of copies) {
      const version = entry.version ?? '(no version)'
      if (!atLeast(version, minimum)) problems.push(`${name} ${version} at ${key} is below the patched ${minimum}: upgrade it (npm install ${name}@latest) and commit package-lock.json`)
    }
  }
  return problems
}

function main() {
  const file = path.resolve(process.argv[2] ?? 'package-lock.json')
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as Lockfile
  const problems = checkLockfile(lock)
  if (problems.length) {
    console.error(`Dependency check failed (${path.relative(process.cwd(), file)}):\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    process.exit(1)
  }
  const found = Object.keys(patchedMinimums).map((name) => `${name} ${lock.packages![`node_modules/${name}`]!.version}`)
  console.log(`Dependencies at or above the patched versions: ${found.join(', ')}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main()
