import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '@/lib/env'

describe('email settings in lib/env', () => {
  it('has safe defaults: no SMTP (mail held), 30 days of bodies, a 5 s poll, the sender on', () => {
    const env = parseEnv({})
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.EMAIL_FROM).toBeUndefined()
    expect(env).toMatchObject({ OUTBOX_RETENTION_DAYS: 30, OUTBOX_POLL_MS: 5000, OUTBOX_DISABLED: false })
  })

  it('reads the SMTP URL, the From, and the switches', () => {
    const env = parseEnv({ SMTP_URL: 'smtps://user:p%40ss@smtp.example.com:465', EMAIL_FROM: 'Team <team@example.com>', OUTBOX_RETENTION_DAYS: '7', OUTBOX_DISABLED: '1' })
    expect(env).toMatchObject({ SMTP_URL: 'smtps://user:p%40ss@smtp.example.com:465', EMAIL_FROM: 'Team <team@example.com>', OUTBOX_RETENTION_DAYS: 7, OUTBOX_DISABLED: true })
    expect(parseEnv({ OUTBOX_DISABLED: 'true' }).OUTBOX_DISABLED).toBe(true)
    expect(parseEnv({ OUTBOX_DISABLED: '0' }).OUTBOX_DISABLED).toBe(false)
    expect(parseEnv({ SMTP_URL: '  ' }).SMTP_URL).toBeUndefined()
  })

  it('names a malformed value', () => {
    expect(() => parseEnv({ SMTP_URL: 'https://smtp.example.com' })).toThrow(EnvError)
    expect(() => parseEnv({ SMTP_URL: 'https://smtp.example.com' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/)
    expect(() => parseEnv({ OUTBOX_DISABLED: 'yes' })).toThrow(/OUTBOX_DISABLED/)
    expect(() => parseEnv({ OUTBOX_RETENTION_DAYS: '0' })).toThrow(/OUTBOX_RETENTION_DAYS/)
  })
})
