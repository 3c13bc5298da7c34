import { describe, expect, it } from 'vitest'
import { catalogueHref, parseCatalogueQuery } from './catalogue'

describe('parseCatalogueQuery', () => {
  it('reads a full state from the URL', () => {
    const { query, problems } = parseCatalogueQuery({ q: ' api ', category: 'data-ai', skill: 'python', minSalary: '100000', sort: 'salary', page: '2' })
    expect(problems).toEqual([])
    expect(query).toEqual({ q: 'api', category: 'data-ai', skill: 'python', minSalary: 100000, sort: 'salary', page: 2 })
  })

  it('defaults to relevance with a search and to title without', () => {
    expect(parseCatalogueQuery({ q: 'api' }).query.sort).toBe('relevance')
    expect(parseCatalogueQuery({}).query.sort).toBe('title')
    expect(parseCatalogueQuery({ sort: 'relevance' }).query.sort).toBe('title')
  })

  it.each([
    [{ page: '0' }, /no page "0"/],
    [{ page: '-3' }, /no page/],
    [{ page: 'abc' }, /no page "abc"/],
    [{ page: '1e9' }, /no page/],
    [{ category: 'Robert"); DROP' }, /category does not exist/],
    [{ skill: '<script>' }, /skill does not exist/],
    [{ minSalary: 'lots' }, /whole number/],
    [{ sort: 'random' }, /sort order/],
  ])('explains and drops a bad value %j', (params, message) => {
    const { query, problems } = parseCatalogueQuery(params)
    expect(problems.join(' ')).toMatch(message)
    expect(query.page).toBe(1)
    expect(query.category).toBeUndefined()
    expect(query.skill).toBeUndefined()
    expect(query.minSalary).toBeUndefined()
  })

  it('takes the first of repeated keys', () => {
    expect(parseCatalogueQuery({ q: ['first', 'second'] }).query.q).toBe('first')
  })
})

describe('catalogueHref', () => {
  it('keeps only non-default values, so the plain catalogue is /roles', () => {
    expect(catalogueHref({ q: '', sort: 'title', page: 1 })).toBe('/roles')
    expect(catalogueHref({ q: 'api', sort: 'relevance', page: 2, category: 'data-ai' })).toBe('/roles?q=api&category=data-ai&page=2')
    expect(catalogueHref({ q: 'a&b', sort: 'salary' })).toBe('/roles?q=a%26b&sort=salary')
  })
})
