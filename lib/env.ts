import { z } from 'zod'

/**
 * Every environment variable the app reads, parsed once. Anything else in the code reads `env`,
 * never `process.env`. A missing or malformed variable stops start-up with its name in the message.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/\S+$/.test(v), 'must be a postgres:// or postgresql:// URL')

const intFrom = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /** Real PostgreSQL. Unset: the embedded database (PGlite) under PGLITE_DIR. */
    DATABASE_URL: optionalString.pipe(postgresUrl.optional()),
    PGLITE_DIR: z.string().trim().min(1).default('.data/pglite'),
    DB_POOL_MAX: intFrom(1, 200, 10),
    DB_CONNECT_TIMEOUT_S: intFrom(1, 120, 5),
    DB_STATEMENT_TIMEOUT_MS: intFrom(100, 600_000, 15_000),
    /** Signs session cookies. `npm start` makes and keeps one under .data/ when it is unset. */
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: intFrom(1, 65_535, 3000),
    /** Where partnership inquiries and demo bookings are announced. Unset: ADMIN_EMAIL, else team@<SITE_URL host>. */
    TEAM_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, 'must be at least 12 characters').max(128).optional()),
    /** Redis shared by several app instances, for rate limits and Next's cache: redis://[:password@]host:6379[/db] or rediss://. Unset: PostgreSQL, and a cache per process. */
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional()),
    /** Proxies in front that append to X-Forwarded-For (0: trust the socket address only). */
    TRUST_PROXY_HOPS: intFrom(0, 10, 0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** A file that receives the JSON logs too (besides stdout); the end-to-end tests read it. */
    LOG_FILE: optionalString,
    /** Where `next build` put the build (next.config.ts reads it too); the server reads its routes manifest for metric labels. */
    NEXT_DIST_DIR: z.string().trim().min(1).default('.next'),
    /** Bearer token for /api/metrics (Prometheus). Unset: the endpoint answers 404. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Receives each server error as a JSON POST (Slack/Teams-style incoming webhook, or your own). */
    ERROR_WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    NEXT_PHASE: optionalString,
    /** Where mail goes: smtp://user:pass@host:587 (STARTTLS) or smtps://...:465. Unset: mail is held, never dropped. */
    SMTP_URL: optionalString.pipe(z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional()),
    /** The From of every email. Unset: SkillsU <no-reply@<SITE_URL host>>. */
    EMAIL_FROM: optionalString,
    /** Days the bodies of sent mail are kept (metadata stays). */
    OUTBOX_RETENTION_DAYS: intFrom(1, 3650, 30),
    /** How often the sender looks for due mail (ms). */
    OUTBOX_POLL_MS: intFrom(250, 600_000, 5_000),
    /** 1/true: this process starts no sender or scheduler (tests, CI, app instances beside `npm run worker`). */
    OUTBOX_DISABLED: optionalString.pipe(z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'true'),
    /** 1/true: serve the benchmark's baseline pages and /api/bench/stats (`npm run bench` only; 404 otherwise). */
    BENCH_ROUTES: optionalString.pipe(z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === '1' || v === 'true'),
    /** DKIM signing of outgoing mail: the private key (PEM, or base64 of the PEM), the selector and the signing domain; all three or none. */
    DKIM_PRIVATE_KEY: optionalString.transform((v, ctx) => {
      if (v === undefined) return undefined
      // A PEM pasted into one line keeps literal \n; anything else is base64 of the PEM.
      const pem = v.startsWith('-----BEGIN') ? v.replace(/\\n/g, '\n') : Buffer.from(v, 'base64').toString('utf8')
      if (!/^-----BEGIN (RSA )?PRIVATE KEY-----/.test(pem.trim())) {
        ctx.addIssue({ code: 'custom', message: 'must be a PEM private key or the base64 of one' })
        return z.NEVER
      }
      return pem.trim() + '\n'
    }),
    DKIM_SELECTOR: optionalString.pipe(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/i, 'must be a DNS label, e.g. mail2025').optional()),
    DKIM_DOMAIN: optionalString.pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'must be a domain name, e.g. skillsu.example').optional()),
    /** Months audit rows are kept before the daily retention run deletes them. */
    AUDIT_RETENTION_MONTHS: intFrom(1, 1200, 24),
    /** 1/true (default): `npm start` applies pending migrations. 0/false: it refuses to start while any is pending (run `npm run db:migrate` in the deploy). */
    MIGRATE_ON_START: optionalString.pipe(z.enum(['0', '1', 'true', 'false']).optional()).transform((v) => v === undefined || v === '1' || v === 'true'),
  })
  .superRefine((v, ctx) => {
    const building = v.NEXT_PHASE === 'phase-production-build'
    if (v.NODE_ENV === 'production' && !building && !v.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' })
    }
    const dkim = [v.DKIM_PRIVATE_KEY, v.DKIM_SELECTOR, v.DKIM_DOMAIN].filter(Boolean).length
    if (dkim !== 0 && dkim !== 3) {
      ctx.addIssue({ code: 'custom', path: ['DKIM_PRIVATE_KEY'], message: 'DKIM_PRIVATE_KEY, DKIM_SELECTOR and DKIM_DOMAIN are set together or not at all' })
    }
  })

export type Env = z.infer<typeof envSchema>

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source)
  if (result.success) return result.data
  throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`))
}

export const env: Env = parseEnv(process.env)

export const isProduction = env.NODE_ENV === 'production'

/** The build's version and git commit, inlined by next.config.ts at build time; 'unknown' outside a build. */
export const buildInfo = {
  version: process.env.SKILLSU_BUILD_VERSION || 'unknown',
  commit: process.env.SKILLSU_BUILD_COMMIT || 'unknown',
}
export const databaseEngine: 'postgres' | 'pglite' = env.DATABASE_URL ? 'postgres' : 'pglite'

/** The team's address for notifications from public forms. */
export const teamEmail = (): string => env.TEAM_EMAIL ?? env.ADMIN_EMAIL ?? `team@${new URL(env.SITE_URL).hostname}`
