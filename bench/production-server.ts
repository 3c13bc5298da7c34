/**
 * A production server for the front-end benches (budgets, Lighthouse): builds when the build is
 * missing or older than the sources, then serves it with `scripts/start.ts --no-build` on a free
 * port, on a fresh embedded database (a PGlite dir made for this run and removed after) or on the
 * PostgreSQL at BENCH_DATABASE_URL. BENCH_URL skips all of this and measures a running server.
 *
 * These are tools, like playwright.config.ts: they read their own settings from the environment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { buildNeeded } from '../scripts/build-state'

export interface RunningServer {
  baseUrl: string
  stop: () => Promise<void>
}

const root = process.cwd()
const dist = process.env.NEXT_DIST_DIR || '.next'

/** Rebuilds the app when `dist` is missing or older than the sources. */
export function ensureBuild() {
  const reason = buildNeeded(root, dist)
  if (!reason) return
  console.log(`> Building the app into ${dist} (${reason}) ...`)
  // With the bench routes, so the bare static baseline (/bench/static) is prerendered in the build.
  const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', BENCH_ROUTES: '1' } })
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`)
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`)
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false)
    if (healthy) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`the server did not answer ${baseUrl}/api/health within ${timeoutMs / 1000} s`)
}

/** BENCH_URL, or a fresh production server (built when needed). */
export async function startProductionServer({ log = false }: { log?: boolean } = {}): Promise<RunningServer> {
  if (process.env.BENCH_URL) return { baseUrl: process.env.BENCH_URL.replace(/\/+$/, ''), stop: async () => {} }
  ensureBuild()
  const port = Number(process.env.BENCH_PORT) || (await freePort())
  const baseUrl = `http://127.0.0.1:${port}`
  const pgliteDir = process.env.BENCH_DATABASE_URL ? undefined : fs.mkdtempSync(path.join(root, '.data', `bench-web-${process.pid}-`))
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    cwd: root,
    stdio: log ? 'inherit' : 'ignore',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: baseUrl,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      OUTBOX_DISABLED: '1',
      LOG_LEVEL: 'warn',
      // Serves the bare static baseline page (/bench/static) when the build has it.
      BENCH_ROUTES: '1',
      ...(pgliteDir ? { PGLITE_DIR: pgliteDir, DATABASE_URL: '' } : { DATABASE_URL: process.env.BENCH_DATABASE_URL }),
    },
  })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true })
  }
  try {
    await waitForHealth(baseUrl, child, 180_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, stop }
}
