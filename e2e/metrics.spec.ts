import { e2eMetricsToken } from '../playwright.config'
import { expect, test, type APIRequestContext } from './test'

/** Reads one sample of the Prometheus text (0 when the series does not exist yet). */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

async function scrape(request: APIRequestContext) {
  const response = await request.get('/api/metrics', { headers: { Authorization: `Bearer ${e2eMetricsToken}` } })
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toContain('text/plain')
  return response.text()
}

test('/api/metrics needs the bearer token and reflects a known sequence of requests', async ({ request, page }) => {
  const unauthorized = 'skillsu_http_requests_total{method="GET",route="/api/metrics",status="401"}'
  const before = await scrape(request)

  // Refused without the token or with a wrong one (constant-time compare; 401 with a challenge).
  const none = await request.get('/api/metrics')
  expect(none.status()).toBe(401)
  expect(none.headers()['www-authenticate']).toContain('Bearer')
  expect((await request.get('/api/metrics', { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status()).toBe(401)
  expect((await request.get('/api/metrics', { headers: { Authorization: `Basic ${e2eMetricsToken}` } })).status()).toBe(401)

  // A wrong password in the sign-in form.
  await page.goto('/login')
  await page.getByRole('main').getByLabel('Email').fill(`nobody-${Date.now()}@example.com`)
  await page.getByLabel('Password').fill('not-the-password-1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Email or password is incorrect.')

  const after = await scrape(request)
  // Exactly the three refusals above (no other test scrapes metrics).
  expect(sample(after, unauthorized) - sample(before, unauthorized)).toBe(3)
  // The scrape before this one was counted, under its route pattern, and timed.
  expect(sample(after, 'skillsu_http_requests_total{method="GET",route="/api/metrics",status="200"}')).toBeGreaterThan(
    sample(before, 'skillsu_http_requests_total{method="GET",route="/api/metrics",status="200"}'),
  )
  expect(sample(after, 'skillsu_http_request_duration_seconds_count{method="GET",route="/api/metrics"}')).toBeGreaterThanOrEqual(
    sample(before, 'skillsu_http_request_duration_seconds_count{method="GET",route="/api/metrics"}') + 4,
  )
  expect(sample(after, 'skillsu_sign_in_failures_total')).toBeGreaterThan(sample(before, 'skillsu_sign_in_failures_total'))
  // Counted inside the Next bundle (data layer) and served through the same registry.
  expect(sample(after, 'skillsu_db_query_duration_seconds_count{ok="true"}')).toBeGreaterThan(sample(before, 'skillsu_db_query_duration_seconds_count{ok="true"}'))
  expect(after).toMatch(/^skillsu_email_outbox_messages\{status="held"\} \d+$/m)
  expect(after).toMatch(/^skillsu_job_lag_seconds\{job="outbox-sender"\} [\d.e+-]+$/m)
  expect(after).toContain('skillsu_rate_limit_refusals_total')
  expect(after).toContain('process_cpu_seconds_total')
  // Every response names its request.
  expect(none.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
})
