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
    /** Redis for rate limits shared by several app instances: redis://[:password@]host:6379[/db] or rediss://. Unset: PostgreSQL. */
    REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL').optional()),
    /** Proxies in front that append to X-Forwarded-For (0: trust the socket address only). */
    TRUST_PROXY_HOPS: intFrom(0, 10, 0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  })
  .superRefine((v, ctx) => {
    const building = v.NEXT_PHASE === 'phase-production-build'
    if (v.NODE_ENV === 'production' && !building && !v.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'is required in production' })
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
export const databaseEngine: 'postgres' | 'pglite' = env.DATABASE_URL ? 'postgres' : 'pglite'

/** The team's address for notifications from public forms. */
export const teamEmail = (): string => env.TEAM_EMAIL ?? env.ADMIN_EMAIL ?? `team@${new URL(env.SITE_URL).hostname}`
