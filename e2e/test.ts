import { createHash } from 'node:crypto'
import { expect, test as base } from '@playwright/test'

export * from '@playwright/test'

/**
 * Every test is its own visitor: the e2e server trusts one proxy hop (TRUST_PROXY_HOPS=1 in
 * playwright.config.ts), and each test (and each retry) sends its own X-Forwarded-For address,
 * as a deployment behind a load balancer sees many people. Per-address limits (sign-up, public
 * forms) then count one test's requests, not the whole run's; tests of those limits still see
 * every request of theirs come from one address.
 */
export const test = base.extend({
  // Every page of every journey runs under its Content-Security-Policy: a violation fails the test.
  page: async ({ page }, provide) => {
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content[ -]Security[ -]Policy/i.test(m.text())) violations.push(`${page.url()} ${m.text()}`)
    })
    await provide(page)
    expect(violations, 'CSP violations').toEqual([])
  },
  extraHTTPHeaders: async ({ extraHTTPHeaders }, provide, testInfo) => {
    const h = createHash('sha256').update(`${testInfo.testId}:${testInfo.retry}:${testInfo.repeatEachIndex}`).digest()
    await provide({ ...extraHTTPHeaders, 'x-forwarded-for': `10.${h[0]}.${h[1]}.${(h[2]! % 250) + 1}` })
  },
})
