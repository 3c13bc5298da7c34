import pino, { type Logger } from 'pino'
import { env } from '@/lib/env'
import { requestContext } from './request-context'

/**
 * The process's structured logger (pino): JSON lines on stdout in production (and in LOG_FILE
 * when set), readable colored lines in development. Every line written while a request is served
 * carries its requestId and, once known, the signed-in userId.
 *
 * What is never logged: passwords, tokens, cookies, CV contents, email bodies. Nothing here logs
 * request bodies, query strings or raw paths (access logs carry the route pattern), and the
 * redaction below is a second line of defence for fields with those names.
 */
const redactPaths = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'code',
  'secret',
  'cookie',
  'authorization',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.cookie',
  '*.authorization',
  'headers.cookie',
  'headers.authorization',
  'html',
  'text',
  'textBody',
  'htmlBody',
]

function createLogger(): Logger {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL,
    base: { service: 'skillsu' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const context = requestContext()
      if (!context) return {}
      return context.userId ? { requestId: context.requestId, userId: context.userId } : { requestId: context.requestId }
    },
  }
  if (env.NODE_ENV === 'development' && !env.LOG_FILE) {
    try {
      // pino-pretty is a devDependency: only `npm run dev` uses it, in pino's worker thread.
      return pino(options, pino.transport({ target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } }))
    } catch {
      // not installed (production dependencies only): JSON below
    }
  }
  const stdout = pino.destination({ dest: 1, sync: true })
  if (!env.LOG_FILE) return pino(options, stdout)
  const file = pino.destination({ dest: env.LOG_FILE, sync: true, mkdir: true, append: true })
  const level = env.LOG_LEVEL === 'silent' ? 'fatal' : env.LOG_LEVEL
  return pino(options, pino.multistream([{ level, stream: stdout }, { level, stream: file }]))
}

// One logger per process (the Next server bundle and the start script share it).
const globalForLogger = globalThis as typeof globalThis & { __skillsuLogger?: Logger }

export function logger(): Logger {
  globalForLogger.__skillsuLogger ??= createLogger()
  return globalForLogger.__skillsuLogger
}
