import fs from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

// This file configures the test runner, not the app, so it reads its own settings directly.
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://127.0.0.1:${port}`
export const e2eAuthSecret = 'e2e-only-auth-secret-0123456789abcdef0123456789'
/** The e2e server also writes its JSON logs here (one file per port: parallel runs do not mix). */
export const e2eLogFile = process.env.E2E_LOG_FILE ?? `.data/e2e/server-${port}.log`
/** The bearer token of the e2e server's /api/metrics. */
export const e2eMetricsToken = 'e2e-only-metrics-token-0123456789'

/** Chromium at CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download. */
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  return candidates.find((p): p is string => !!p && fs.existsSync(p))
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  // Journeys that run axe on several pages take 20-30 s on a busy 2-core machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
    },
  },
  // Admin journeys change published content (titles, partners, opportunities), so they run after
  // the public journeys that assert the seed content, against the same server and database.
  projects: [
    // The seeded admin sets up two-factor sign-in through the UI; later journeys reuse its session (e2e/auth.ts).
    { name: 'staff-setup', testMatch: /staff\.setup\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    { name: 'public', dependencies: ['staff-setup'], testIgnore: [/admin-.*\.spec\.ts/, /authz-.*\.spec\.ts/, /last-admin\.spec\.ts/], use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // Every server action called as every kind of caller (HTTP only). A refused call must leave the
    // whole database unchanged, so nothing else writes while it runs: the admin journeys wait for it.
    { name: 'authz', testMatch: /authz-.*\.spec\.ts/, dependencies: ['public'] },
    { name: 'admin', testMatch: /admin-.*\.spec\.ts/, testIgnore: /admin-(roles|xss-settings)\.spec\.ts/, dependencies: ['authz'], use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // The role editor journey renames the seed role for a while; only the site settings XSS journey
    // (which changes the settings every public page shows, but not the role pages' text) runs beside it.
    { name: 'admin-roles', testMatch: /admin-(roles|xss-settings)\.spec\.ts/, dependencies: ['admin'], use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    // Retires every admin but the seeded one (to test that the last admin cannot demote themselves):
    // alone, after every journey that makes admins of its own.
    { name: 'last-admin', testMatch: /last-admin\.spec\.ts/, dependencies: ['admin-roles'], use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    // The production build made by `npm test` (or `npm run build`); never rebuilt here.
    command: 'node --import tsx scripts/start.ts --no-build',
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: baseURL,
      PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? '.data/e2e/pglite',
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: 'e2e-admin-password-123',
      // Known to the tests, so HTTP tests can mint real session cookies (e2e/session.ts).
      NEXTAUTH_SECRET: e2eAuthSecret,
      // Each test sends its own X-Forwarded-For (e2e/test.ts): one trusted hop, like a load balancer.
      TRUST_PROXY_HOPS: '1',
      // Logs go to this file too, for e2e/logs-no-secrets.spec.ts; metrics for e2e/metrics.spec.ts.
      LOG_FILE: e2eLogFile,
      METRICS_TOKEN: e2eMetricsToken,
    },
  },
})
