import { describe, expect, it } from 'vitest'
import { bearerTokenMatches } from './bearer'

describe('bearerTokenMatches', () => {
  const token = 'metrics-token-0123456789'
  it('accepts exactly the configured bearer token', () => {
    expect(bearerTokenMatches(`Bearer ${token}`, token)).toBe(true)
    expect(bearerTokenMatches(`bearer ${token}`, token)).toBe(true)
  })
  it('refuses anything else', () => {
    for (const header of [null, '', 'Bearer', 'Bearer ', `Basic ${token}`, `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, `Bearer ${token} extra`, token]) {
      expect(bearerTokenMatches(header, token), String(header)).toBe(false)
    }
  })
})
