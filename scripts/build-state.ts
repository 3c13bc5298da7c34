import fs from 'node:fs'
import path from 'node:path'

const sourceRoots = ['app', 'components', 'lib', 'db', 'public', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'proxy.ts', 'instrumentation.ts']

function newestMtime(target: string): number {
  let stat: fs.Stats
  try {
    stat = fs.statSync(target)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(path.join(target, entry)))
  }
  return newest
}

/** Why a build is needed, or undefined when the build (`.next`, or `distDir`) is current with the sources. */
export function buildNeeded(root = process.cwd(), distDir = '.next'): string | undefined {
  const buildId = path.join(root, distDir, 'BUILD_ID')
  if (!fs.existsSync(buildId)) return 'no production build yet'
  const builtAt = fs.statSync(buildId).mtimeMs
  const changed = sourceRoots.find((p) => newestMtime(path.join(root, p)) > builtAt)
  return changed ? `${changed} changed since the last build` : undefined
}
