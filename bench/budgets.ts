/**
 * `npm run bench:budgets`: first-load JavaScript and HTML size of the budgeted public pages against
 * their budgets (bench/page-weight.ts). Exits 1 when a page is over. BENCH_URL measures a running
 * server instead of starting one.
 */
import { budgetTable, checkBudgets, kb } from './page-weight'
import { startProductionServer } from './production-server'

async function main() {
  const server = await startProductionServer()
  try {
    const report = await checkBudgets(server.baseUrl)
    console.log(budgetTable(report))
    for (const row of report.rows.filter((r) => r.extraScripts.length)) {
      console.log(`\n${row.name}: scripts beyond the floor`)
      for (const s of row.extraScripts) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.src}`)
    }
    if (!report.ok) {
      console.error('\nOver budget.')
      process.exitCode = 1
    }
  } finally {
    await server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
