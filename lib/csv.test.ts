import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { csvResponse, neutralizeCell, toCsv } from './csv'

describe('CSV export', () => {
  it('neutralizes every cell a spreadsheet would run as a formula', () => {
    for (const cell of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "=cmd|' /C calc'!A0"]) {
      expect(neutralizeCell(cell)).toBe(`'${cell}`)
    }
  })

  it('keeps ordinary text, numbers, dates and lists as typed', () => {
    expect(neutralizeCell('Ada Lovelace')).toBe('Ada Lovelace')
    expect(neutralizeCell('a=b')).toBe('a=b')
    expect(neutralizeCell(42)).toBe('42')
    expect(neutralizeCell(null)).toBe('')
    expect(neutralizeCell(undefined)).toBe('')
    expect(neutralizeCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z')
    expect(neutralizeCell(['Go', 'SQL'])).toBe('Go; SQL')
  })

  it('quotes commas, quotes and line breaks, and reads back to the same (neutralized) values', () => {
    const csv = toCsv(['Name', 'Message'], [
      ['Doe, Jane', 'She said "hi"\nthen left'],
      ['=1+2', '@x'],
    ])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain('\r\n')
    const rows = parse(csv.slice(1)) as string[][]
    expect(rows).toEqual([
      ['Name', 'Message'],
      ['Doe, Jane', 'She said "hi"\nthen left'],
      ["'=1+2", "'@x"],
    ])
  })

  it('is served as an attachment that is never sniffed or cached', () => {
    const response = csvResponse('inquiries 2026/11.csv', 'a\r\n')
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="inquiries_2026_11.csv"')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
  })
})
