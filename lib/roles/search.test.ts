import { describe, expect, it } from 'vitest'
import { maxSearchLength, normalizeSearchText, searchTerms } from './search'

describe('searchTerms', () => {
  it('makes every word a required prefix', () => {
    expect(searchTerms('micro serv')).toEqual({ text: 'micro serv', allPrefixes: 'micro:* & serv:*', anyPrefix: 'micro:* | serv:*' })
  })

  it('keeps only letters and digits in prefix terms, whatever the operators', () => {
    const t = searchTerms(`"api" & | ! :* (x) 'db' <-> node.js c++ 3d`)
    expect(t.allPrefixes).toBe('api:* & db:* & node:* & js:* & 3d:*')
    for (const part of t.allPrefixes.split(' & ')) expect(part).toMatch(/^[\p{L}\p{N}]+:\*$/u)
  })

  it('passes the visitor text to websearch_to_tsquery unchanged but for whitespace and control characters', () => {
    expect(searchTerms('  "data   engineer"  -manager\u0000 ').text).toBe('"data engineer" -manager')
  })

  it('lower-cases, de-duplicates and bounds the terms', () => {
    const t = searchTerms('API api Api ' + Array.from({ length: 20 }, (_, i) => `term${i}`).join(' '))
    expect(t.allPrefixes.split(' & ')).toHaveLength(8)
    expect(t.allPrefixes.startsWith('api:* & term0:*')).toBe(true)
  })

  it('bounds the length of any input', () => {
    expect(normalizeSearchText('x'.repeat(5000))).toHaveLength(maxSearchLength)
    expect(searchTerms('a'.repeat(5000)).allPrefixes).toBe(`${'a'.repeat(40)}:*`)
  })

  it('handles emoji, accents, lone surrogates and empty input', () => {
    expect(searchTerms('😀😀').allPrefixes).toBe('')
    expect(searchTerms('Développeur').allPrefixes).toBe('développeur:*')
    expect(searchTerms('\ud800data').text).toBe('\ufffddata')
    expect(searchTerms('   ')).toEqual({ text: '', allPrefixes: '', anyPrefix: '' })
  })

  it('leaves excluded words out of the prefix terms and honours "or"', () => {
    expect(searchTerms('python -machine learning').allPrefixes).toBe('python:* & learning:*')
    expect(searchTerms('python OR java').allPrefixes).toBe('python:* | java:*')
  })

  it('drops single letters that would match everything', () => {
    expect(searchTerms('c developer').allPrefixes).toBe('developer:*')
  })
})
