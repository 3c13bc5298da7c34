import { stringify } from 'csv-stringify/sync'

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, and tab/CR that some apps strip first)
 * gets a leading apostrophe, so it shows as the text that was typed (OWASP "CSV injection").
 */
export function neutralizeCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join('; ') : String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/**
 * A CSV document (RFC 4180 quoting by csv-stringify, CRLF line ends, a UTF-8 byte order mark so
 * spreadsheet apps read accents right) with every cell neutralized.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  return '\uFEFF' + stringify([header.map(neutralizeCell), ...rows.map((r) => r.map(neutralizeCell))], { record_delimiter: 'windows', quoted_string: false })
}

/** The response for a CSV download: an attachment, never sniffed, never cached. */
export function csvResponse(fileName: string, csv: string) {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  })
}
