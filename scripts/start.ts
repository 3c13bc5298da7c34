/**
 * `npm start`: build when needed, then in ONE process migrate, seed on first run and serve.
 * Migrating and seeding in the serving process matters for the embedded database: PGlite allows
 * a single process, so no second command may open it while the server runs.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { buildNeeded } from './build-state'
import { ensureLocalSecret } from './prepare-env'

const dev = process.argv.includes('--dev')
// Next reads NODE_ENV when it loads, so it is set before anything imports it.
Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production' })
ensureLocalSecret()

async function main() {
  const { env, EnvError } = await import('@/lib/env').catch((error: unknown) => {
    if (error instanceof Error && error.name === 'EnvError') {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  })
  void EnvError
  // next-auth reads its public URL from NEXTAUTH_URL; it is the site's own address.
  process.env.NEXTAUTH_URL ??= env.SITE_URL

  if (!dev && !process.argv.includes('--no-build')) {
    const reason = buildNeeded()
    if (reason) {
      console.log(`> Building the app (${reason}) ...`)
      const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' })
      if (build.status !== 0) process.exit(build.status ?? 1)
    }
  }

  const { getDatabase, closeDatabase } = await import('@/db')
  const { pendingMigrations, runMigrations } = await import('@/db/migrate')
  const { seedIfEmpty } = await import('@/db/seed/first-run')
  const { stopBackgroundJobs } = await import('@/lib/email/background')
  const handle = getDatabase()
  console.log(`> Database: ${handle.engine === 'pglite' ? 'embedded PGlite at' : 'PostgreSQL at'} ${handle.location}`)
  if (env.MIGRATE_ON_START) {
    await runMigrations(handle)
  } else {
    // Deploys that migrate as a step of their own (MIGRATE_ON_START=0) never serve an older schema.
    const pending = await pendingMigrations(handle)
    if (pending > 0) {
      console.error(`The database is behind: run npm run db:migrate (${pending} pending)`)
      await closeDatabase()
      process.exit(1)
    }
  }
  const seeded = await seedIfEmpty(handle.db, { adminEmail: env.ADMIN_EMAIL, adminPassword: env.ADMIN_PASSWORD })

  const { default: next } = await import('next')
  const http = await import('node:http')
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT })
  const handleRequest = app.getRequestHandler()
  await app.prepare()
  // Access logs, request ids and request metrics (lib/observability): route labels come from the build's manifest.
  const { instrumentRequests, routeLabeler } = await import('@/lib/observability/http')
  const { logger } = await import('@/lib/observability/logger')
  const routeOf = routeLabeler(dev ? undefined : path.join(env.NEXT_DIST_DIR, 'routes-manifest.json'))
  const server = http.createServer(instrumentRequests((req, res) => {
    // Next answers a path with broken percent-encoding (e.g. /roles/%ED%A0%80) with a 500.
    if (!hasDecodablePath(req.url)) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Bad request: malformed URL')
      return
    }
    // The client address for rate limits: the socket's, or the one a trusted proxy added to
    // X-Forwarded-For. A value the client sent itself is never believed.
    req.headers['x-skillsu-client-ip'] = clientAddress(req, env.TRUST_PROXY_HOPS)
    handleRequest(req, res).catch((error: unknown) => logger().error({ err: error }, 'request handler failed'))
  }, { routeOf }))
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve))

  const url = `http://localhost:${env.PORT}`
  console.log(`> SkillsU ready on ${url}`)
  if (seeded?.admin) {
    console.log(`> Admin sign-in: ${seeded.admin.email}`)
    if (seeded.admin.password) console.log(`> Admin password (shown once, change it after signing in): ${seeded.admin.password}`)
  }

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`> ${signal}: finishing requests in flight, then stopping`)
    server.close(() => {
      // The outbox sender and the alert scheduler (started by instrumentation.ts) finish the
      // message in flight and release the rest of their batch before the database closes.
      void stopBackgroundJobs()
        .then(() => closeDatabase())
        .finally(() => process.exit(0))
    })
    // close() only drops connections idle at this moment; a keep-alive connection whose request is
    // still running would stay open (keepAliveTimeout, 65 s) after its response, so sweep until closed.
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 250).unref()
    setTimeout(() => process.exit(1), 15_000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

function clientAddress(req: import('node:http').IncomingMessage, trustedHops: number) {
  const socketAddress = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '')
  if (trustedHops <= 0) return socketAddress
  const header = req.headers['x-forwarded-for']
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((s) => s.trim()).filter(Boolean)
  // Each trusted proxy appends the address it saw; the client is `trustedHops` from the right.
  return chain[chain.length - trustedHops] ?? socketAddress
}

function hasDecodablePath(url: string | undefined) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0]!)
    return true
  } catch {
    return false
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
