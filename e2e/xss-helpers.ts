import { expect, test, type Page } from './test'

/** Script payloads every stored-XSS test writes into text fields. */
export const payloads = {
  script: '<script>window.__xss=1</script>',
  img: '<img src=x onerror="window.__xss=1">',
  svg: '"><svg onload=window.__xss=1>',
}
export const jsUrl = 'javascript:window.__xss=1'

/**
 * Loads a page and checks nothing ran: no flag, no dialog, no payload turned into markup, and the
 * payload shows as text (or, with `visibleText` null, sits in an edit form's fields).
 */
export async function expectInert(page: Page, path: string, visibleText: string | null) {
  let dialogs = 0
  const onDialog = () => void dialogs++
  page.on('dialog', onDialog)
  const response = await page.goto(path)
  expect(response?.status(), path).toBe(200)
  if (visibleText) await expect(page.getByText(visibleText, { exact: false }).first(), `${path} shows the payload as text`).toBeVisible()
  else await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('input, textarea')].some((e) => (e as HTMLInputElement).value.includes('window.__xss'))), `${path} holds the payload`).toBe(true)
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), `${path}: a payload ran`).toBeUndefined()
  expect(await page.locator('svg[onload], img[onerror], a[href^="javascript:" i]').count(), `${path}: a payload became markup`).toBe(0)
  page.off('dialog', onDialog)
  expect(dialogs, `${path}: a dialog opened`).toBe(0)
}

/** Signs the page's browser context in with a cookie from e2e/session.ts. */
export async function useCookie(page: Page, cookie: string) {
  const at = cookie.indexOf('=')
  await page.context().addCookies([{ name: cookie.slice(0, at), value: cookie.slice(at + 1), url: test.info().project.use.baseURL! }])
}
