import { describe, expect, it } from 'vitest'
import { compareSkills, parseCompareParam } from './compare'

describe('parseCompareParam', () => {
  it('accepts two or three roles, de-duplicated', () => {
    expect(parseCompareParam('a,b')).toEqual({ slugs: ['a', 'b'] })
    expect(parseCompareParam(' a , b ,a,c ')).toEqual({ slugs: ['a', 'b', 'c'] })
  })
  it('asks for more with one role and shows the first three of five', () => {
    expect(parseCompareParam('a').problem).toMatch(/at least two/)
    const five = parseCompareParam('a,b,c,d,e')
    expect(five.slugs).toEqual(['a', 'b', 'c'])
    expect(five.problem).toMatch(/up to 3/)
  })
  it('refuses malformed slugs and accepts nothing at all', () => {
    expect(parseCompareParam('a,<script>').slugs).toEqual([])
    expect(parseCompareParam(undefined)).toEqual({ slugs: [], problem: undefined })
  })
})

describe('compareSkills', () => {
  const skill = (slug: string, sharePct: number) => ({ name: slug.toUpperCase(), slug, sharePct, isEmerging: false })
  it('splits shared and distinct skills', () => {
    const result = compareSkills([
      { skills: [skill('python', 80), skill('sql', 60), skill('java', 50)] },
      { skills: [skill('python', 90), skill('sql', 70), skill('spark', 40)] },
    ])
    expect(result.shared.map((s) => [s.slug, s.shares])).toEqual([
      ['python', [80, 90]],
      ['sql', [60, 70]],
    ])
    expect(result.distinct.map((d) => d.map((s) => s.slug))).toEqual([['java'], ['spark']])
  })
})
