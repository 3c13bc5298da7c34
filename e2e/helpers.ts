import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from './test'

/** axe with the WCAG 2.x A/AA rules and best practices; fails with the list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`)
  expect(summary, summary.join('\n')).toEqual([])
}

/** Headings never skip a level going down (h2 -> h4), and there is exactly one h1. */
export async function expectHeadingsInOrder(page: Page) {
  const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
  expect(levels.filter((l) => l === 1)).toHaveLength(1)
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `heading levels ${levels.join(',')}`).toBeLessThanOrEqual(1)
}

/** A toast (a status message) with this text. */
export const toast = (page: Page, text: string | RegExp) => page.getByRole('status').getByText(text)

/** The admin users list filtered to one address, waiting until the row's controls are interactive. */
export async function openUserRow(page: Page, email: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`, { waitUntil: 'networkidle' })
  const row = page.getByRole('row').filter({ hasText: email })
  await expect(row).toHaveCount(1)
  return row
}
