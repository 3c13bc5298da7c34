import { describe, expect, it } from 'vitest'
import { envSchema } from '@/lib/env'
import { retryMessage } from './rate-limit'

describe('retryMessage', () => {
  it('rounds the wait up to whole minutes', () => {
    expect(retryMessage(1)).toBe('Too many attempts. Please try again in 1 minute.')
    expect(retryMessage(61)).toBe('Too many attempts. Please try again in 2 minutes.')
  })
})

describe('REDIS_URL', () => {
  const parse = (REDIS_URL?: string) => envSchema.safeParse({ REDIS_URL })
  it('is optional: unset or empty means PostgreSQL', () => {
    expect(parse(undefined).data?.REDIS_URL).toBeUndefined()
    expect(parse('').data?.REDIS_URL).toBeUndefined()
  })
  it('takes redis:// and rediss:// URLs and refuses anything else', () => {
    expect(parse('redis://127.0.0.1:6379').data?.REDIS_URL).toBe('redis://127.0.0.1:6379')
    expect(parse('rediss://:secret@cache.internal:6380/2').success).toBe(true)
    expect(parse('http://127.0.0.1:6379').success).toBe(false)
    expect(parse('127.0.0.1:6379').success).toBe(false)
  })
})
