import { expect, test, type APIRequestContext, type Page } from './test'
import { runId } from './attack-helpers'

/** Open redirects: wherever a callbackUrl is taken, the browser stays on this site. */

const hostile = ['https://evil.example', '//evil.example', '/\\evil.example', '%2F%2Fevil.example', 'javascript:alert(1)', '/\t/evil.example', 'https:evil.example', '\\\\evil.example']

async function signUp(page: Page, email: string, password: string) {
  await page.goto('/signup')
  await page.getByLabel('Your name').fill('Redirect Tester')
  await page.getByRole('main').getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create your free profile' }).click()
  await expect(page.getByText('Check your inbox')).toBeVisible()
}

async function csrf(request: APIRequestContext) {
  const response = await request.get('/api/auth/csrf')
  expect(response.status()).toBe(200)
  return ((await response.json()) as { csrfToken: string }).csrfToken
}

test.describe('attack: open redirects after sign-in', () => {
  test('the sign-in form and the signed-in /login never leave the site, whatever callbackUrl says', async ({ page, baseURL }) => {
    test.setTimeout(120_000)
    const origin = new URL(baseURL!).origin
    const email = `redirect-${runId()}@example.com`
    const password = 'a long enough password 123'
    await signUp(page, email, password)
    let dialogs = 0
    page.on('dialog', (d) => {
      dialogs++
      void d.dismiss()
    })

    // The header asks /api/auth/session after load, and that answer renews the session cookie: wait
    // for it ("Your dashboard") before clearing cookies, or a late answer signs the browser back in.
    const sessionKnown = () => expect(page.getByRole('banner').getByRole('link', { name: 'Your dashboard' })).toBeVisible()
    for (const target of hostile) {
      await page.context().clearCookies()
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`)
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
      await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email)
      await page.getByLabel('Password').fill(password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page, `after signing in with callbackUrl=${target}`).toHaveURL(/\/dashboard/)
      expect(new URL(page.url()).origin).toBe(origin)
      await sessionKnown()

      // Already signed in: /login redirects on the server, to the same place.
      await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`)
      await expect(page).toHaveURL(/\/dashboard/)
      expect(new URL(page.url()).origin).toBe(origin)
      await sessionKnown()
    }
    expect(dialogs).toBe(0)
  })

  test("next-auth's own sign-in and callback endpoints redirect only to this site", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin
    const sameOrigin = (location: string, label: string) => expect(new URL(location, origin).origin, `${label}: ${location}`).toBe(origin)

    for (const target of hostile) {
      const signin = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 })
      expect(signin.status(), `/api/auth/signin with ${target}`).toBeLessThan(500)
      if (signin.status() >= 300 && signin.status() < 400) {
        const location = signin.headers()['location']!
        sameOrigin(location, `/api/auth/signin with ${target}`)
        // It hands the value on to /login, which keeps only a path of this site.
        const login = await request.get(location, { maxRedirects: 0 })
        expect(login.status()).toBe(200)
        // The page echoes its own URL in its data, but the form is handed only a path of this site.
        const html = await login.text()
        expect(html).toMatch(/callbackUrl\\":\\"\/dashboard\\"/)
        expect(html).not.toMatch(/href="[^"]*(evil\.example|javascript:)/)
      }

      // A failed credentials callback (the usual outcome of an attacker's link) and the cookie next-auth keeps.
      const csrfToken = await csrf(request)
      const callback = await request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: 'nobody@example.com', password: 'wrong password', callbackUrl: target },
        headers: { Cookie: `next-auth.callback-url=${encodeURIComponent(target)}` },
        maxRedirects: 0,
      })
      expect(callback.status(), `callback with ${target}`).toBeLessThan(500)
      if (callback.headers()['location']) sameOrigin(callback.headers()['location']!, `callback with ${target}`)
      for (const cookie of callback.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && /callback-url=/.test(h.value))) {
        const value = decodeURIComponent(/callback-url=([^;]*)/.exec(cookie.value)![1]!)
        if (value) sameOrigin(value, `the callback-url cookie after ${target}`)
      }
      const json = await request.post('/api/auth/callback/credentials', {
        form: { csrfToken, email: 'nobody@example.com', password: 'wrong password', callbackUrl: target, json: 'true' },
        maxRedirects: 0,
      })
      expect(json.status()).toBeLessThan(500)
      if (json.headers()['content-type']?.includes('json')) sameOrigin(((await json.json()) as { url: string }).url, `callback (json) with ${target}`)
    }
  })

  test('a successful credentials callback with a hostile callbackUrl lands on this site', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin
    const email = `redirect-cb-${runId()}@example.com`
    const password = 'a long enough password 123'
    await signUp(page, email, password)
    const request = page.request
    for (const target of hostile) {
      const csrfToken = await csrf(request)
      const response = await request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password, callbackUrl: target }, maxRedirects: 0 })
      expect(response.status(), `callback with ${target}`).toBeLessThan(400)
      const location = response.headers()['location']
      expect(location, `callback with ${target} redirects`).toBeTruthy()
      expect(new URL(location!, origin).origin).toBe(origin)
    }
  })
})
