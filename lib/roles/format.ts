const moneyFormatters = new Map<string, Intl.NumberFormat>()

/** "$110,000" (and "$145,000+" for an open-ended top of a range). */
export function formatMoney(amount: number, currency = 'USD', openEnded = false): string {
  let f = moneyFormatters.get(currency)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 })
    moneyFormatters.set(currency, f)
  }
  return `${f.format(amount)}${openEnded ? '+' : ''}`
}

/** "+8%", "-5%", "12.5%" (sign only when asked). */
export function formatPercent(value: number, { signed = false } = {}): string {
  const n = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '')
  return `${signed && value > 0 ? '+' : ''}${n}%`
}

/** "October 15, 2026" from an ISO date, independent of the server's time zone. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`))
}
