import { budgetTable, budgets, checkBudgets, kb } from '../bench/page-weight'
import { expect, test } from './test'

/**
 * The front-end budgets (bench/page-weight.ts, also `npm run bench:budgets`) against the e2e
 * server's production build: the public pages' first-load JavaScript stays within 10 kB (gzip) of
 * a bare page's, and the role page's HTML under 100 kB.
 */
test('the public pages load at most 10 kB (gzip) of JavaScript more than a bare page', async ({ baseURL }, testInfo) => {
  const report = await checkBudgets(baseURL!)
  await testInfo.attach('budgets.md', { body: budgetTable(report), contentType: 'text/markdown' })
  expect(report.floor.jsGzip, 'the floor was measured').toBeGreaterThan(0)
  for (const row of report.rows) {
    expect.soft(row.status, `${row.path} answers`).toBe(200)
    const extra = row.extraScripts.map((s) => `${s.src} ${kb(s.gzip)}`).join(', ')
    expect.soft(row.overFloor, `${row.path}: first-load JS over the floor (${extra})`).toBeLessThanOrEqual(budgets.firstLoadJsOverFloor)
  }
})

test('the role page HTML is under 100 kB', async ({ baseURL }, testInfo) => {
  const report = await checkBudgets(baseURL!)
  await testInfo.attach('budgets.md', { body: budgetTable(report), contentType: 'text/markdown' })
  for (const row of report.rows.filter((r) => r.htmlBudget)) expect.soft(row.htmlBytes, `${row.path}: HTML bytes`).toBeLessThan(row.htmlBudget!)
})
