import { describe, expect, it, vi } from 'vitest'

// lib/env parses process.env once, on import: the signing secret must be there first.
vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = 'form-ticket-test-secret-0123456789abcdefghijkl'
})

const { formTicketMaxAgeMs, issueFormTicket, redeemFormTicket } = await import('./ticket')

describe('form tickets (the guard fields of a form sent without JavaScript)', () => {
  const issuedAt = Date.UTC(2026, 0, 1, 12)

  it('gives back the key and the time since issue', () => {
    const ticket = issueFormTicket('newsletter', issuedAt)
    const redeemed = redeemFormTicket('newsletter', ticket, issuedAt + 3_500)
    expect(redeemed).toEqual({ idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), fillMs: 3_500 })
    // The same ticket always names the same key: a replayed second submit is answered once.
    expect(redeemFormTicket('newsletter', ticket, issuedAt + 9_000)?.idempotencyKey).toBe(redeemed?.idempotencyKey)
    expect(issueFormTicket('newsletter', issuedAt)).not.toBe(ticket)
  })

  it('refuses a ticket that is altered, forged, for another form, from the future or too old', () => {
    const ticket = issueFormTicket('newsletter', issuedAt)
    const [issued, key, mac] = ticket.split('.') as [string, string, string]
    const earlier = (issuedAt - 60_000).toString(36)
    expect(redeemFormTicket('newsletter', `${earlier}.${key}.${mac}`, issuedAt + 5_000)).toBeNull()
    expect(redeemFormTicket('newsletter', `${issued}.${'A'.repeat(22)}.${mac}`, issuedAt + 5_000)).toBeNull()
    expect(redeemFormTicket('newsletter', `${issued}.${key}.${'x'.repeat(mac.length)}`, issuedAt + 5_000)).toBeNull()
    expect(redeemFormTicket('newsletter', `${issued}.${key}`, issuedAt + 5_000)).toBeNull()
    expect(redeemFormTicket('demo', ticket, issuedAt + 5_000)).toBeNull()
    expect(redeemFormTicket('newsletter', ticket, issuedAt - 1)).toBeNull()
    expect(redeemFormTicket('newsletter', ticket, issuedAt + formTicketMaxAgeMs + 1)).toBeNull()
    expect(redeemFormTicket('newsletter', ticket, issuedAt + formTicketMaxAgeMs)).not.toBeNull()
  })
})
