import { eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { roles } from '@/db/schema'
import { seed } from '@/db/seed'
import { describeEachEngine } from '@/test/db'
import {
  findCatalogueSkill,
  getRelatedRoles,
  listCatalogueSkills,
  listCategories,
  listCompareOptions,
  searchCatalogue,
  searchPublishedRoles,
  suggestRoles,
} from './data'

describeEachEngine('role full-text search', ({ handle }) => {
  beforeAll(async () => {
    await seed(handle().db, { adminPassword: 'correct horse battery' })
  })

  it.each(['database api', 'microservices', 'Back-End'])('finds the Back-End Developer for "%s"', async (q) => {
    const found = await searchPublishedRoles(q)
    expect(found.map((r) => r.slug)).toContain('back-end-developer')
  })

  it('ranks a title match above text matches', async () => {
    const found = await searchPublishedRoles('data engineer')
    expect(found[0]?.slug).toBe('data-engineer')
  })

  it('searches the skills, which live in another table, and follows a skill rename', async () => {
    expect((await searchPublishedRoles('MongoDB')).map((r) => r.slug)).toContain('back-end-developer')
    await handle().db.update(roles).set({ title: 'Server Engineer' }).where(eq(roles.slug, 'back-end-developer'))
    expect((await searchPublishedRoles('server engineer'))[0]?.slug).toBe('back-end-developer')
  })

  it('matches prefixes as you type ("micro" finds microservices)', async () => {
    expect((await searchPublishedRoles('micro')).map((r) => r.slug)).toContain('back-end-developer')
    expect((await searchPublishedRoles('kubern')).map((r) => r.slug)).toContain('devops-engineer')
  })

  it('honours web-search syntax: a phrase and an exclusion', async () => {
    const withPhrase = (await searchPublishedRoles('"machine learning"')).map((r) => r.slug)
    expect(withPhrase).toContain('machine-learning-engineer')
    const excluded = (await searchPublishedRoles('python -machine')).map((r) => r.slug)
    expect(excluded).not.toContain('machine-learning-engineer')
    expect(excluded.length).toBeGreaterThan(0)
  })

  it('filters by category, skill and minimum salary, and sorts', async () => {
    const data = await searchCatalogue({ q: '', category: 'data-ai', sort: 'salary', page: 1 })
    expect(data.roles.length).toBeGreaterThanOrEqual(3)
    expect(data.roles.every((r) => r.category.slug === 'data-ai')).toBe(true)
    const salaries = data.roles.map((r) => r.salaryAvg!)
    expect(salaries).toEqual([...salaries].sort((a, b) => b - a))

    const python = await searchCatalogue({ q: '', skill: 'python', sort: 'title', page: 1 })
    expect(python.roles.map((r) => r.slug)).toContain('back-end-developer')
    expect(python.roles.map((r) => r.slug)).not.toContain('product-designer')

    const rich = await searchCatalogue({ q: '', minSalary: 140_000, sort: 'growth', page: 1 })
    expect(rich.roles.every((r) => r.salaryAvg! >= 140_000)).toBe(true)
    const growth = rich.roles.map((r) => r.growthRatePct!)
    expect(growth).toEqual([...growth].sort((a, b) => b - a))
  })

  it('paginates with a total, and says how many pages exist past the end', async () => {
    const first = await searchCatalogue({ q: '', sort: 'title', page: 1 }, 5)
    const second = await searchCatalogue({ q: '', sort: 'title', page: 2 }, 5)
    expect(first.roles).toHaveLength(5)
    expect(first.total).toBeGreaterThanOrEqual(15)
    expect(first.pageCount).toBe(Math.ceil(first.total / 5))
    expect(second.roles[0]!.title > first.roles[4]!.title).toBe(true)
    const beyond = await searchCatalogue({ q: '', sort: 'title', page: 99 }, 5)
    expect(beyond.roles).toHaveLength(0)
    expect(beyond.total).toBe(first.total)
  })

  it('suggests the closest roles when a search finds nothing', async () => {
    expect((await searchCatalogue({ q: 'python zzzqqq', sort: 'relevance', page: 1 })).total).toBe(0)
    expect((await suggestRoles('python zzzqqq')).length).toBeGreaterThan(0)
  })

  it('lists categories with counts of published roles, and the skills in use', async () => {
    const categories = await listCategories()
    expect(categories.find((c) => c.slug === 'software-engineering')?.roleCount).toBe(4)
    const skillList = await listCatalogueSkills()
    expect(skillList.map((s) => s.slug)).toContain('python')
    expect(skillList.map((s) => s.slug)).not.toContain('solidity')
  })

  it('counts every match of a small catalogue exactly, for a search and without one', async () => {
    const published = (await listCategories()).reduce((n, c) => n + c.roleCount, 0)
    const all = await searchCatalogue({ q: '', sort: 'title', page: 1 }, 5)
    expect(all).toMatchObject({ total: published, totalCapped: false, pageCount: Math.ceil(published / 5) })
    const search = await searchCatalogue({ q: 'engineer', sort: 'relevance', page: 1 }, 100)
    expect(search.totalCapped).toBe(false)
    expect(search.total).toBe(search.roles.length)
    expect(search.total).toBeGreaterThan(1)
    const paged = await searchCatalogue({ q: 'engineer', sort: 'relevance', page: 2 }, 1)
    expect(paged.total).toBe(search.total)
    expect(paged.roles.map((r) => r.slug)).toEqual([search.roles[1]!.slug])
  })

  it('offers the skill filter the most asked-for skills only, and still accepts any skill in use', async () => {
    const two = await listCatalogueSkills(2)
    expect(two).toHaveLength(2)
    expect(two.map((s) => s.name)).toEqual([...two.map((s) => s.name)].sort((a, b) => a.localeCompare(b)))
    expect(two.map((s) => s.slug)).toContain('python')
    expect(await findCatalogueSkill('mongodb')).toMatchObject({ slug: 'mongodb' })
    // Asked for by a draft role only.
    expect(await findCatalogueSkill('solidity')).toBeNull()
    expect(await findCatalogueSkill('no-such-skill')).toBeNull()
  })

  it('offers the compare pickers a capped list by title, or the roles matching a search', async () => {
    const first = await listCompareOptions('', 3)
    expect(first).toHaveLength(3)
    expect(first.map((r) => r.title)).toEqual([...first.map((r) => r.title)].sort((a, b) => (a < b ? -1 : 1)))
    expect((await listCompareOptions('kubern')).map((r) => r.slug)).toContain('devops-engineer')
    expect((await listCompareOptions('blockchain')).map((r) => r.slug)).not.toContain('blockchain-developer')
    expect(await listCompareOptions('zzzqqq')).toEqual([])
  })

  it('ranks related roles by shared skills weighted by share of postings', async () => {
    const related = await getRelatedRoles('data-engineer', 3)
    expect(related).toHaveLength(3)
    expect(related.map((r) => r.slug)).not.toContain('data-engineer')
    const scores = related.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // A data role shares far more weighted skills with data roles than with design roles.
    expect(related.map((r) => r.category.slug)).toContain('data-ai')
    expect(related.map((r) => r.slug)).not.toContain('product-designer')
  })

  it('never shows drafts', async () => {
    expect((await searchPublishedRoles('blockchain')).map((r) => r.slug)).not.toContain('blockchain-developer')
  })

  it.each(['"unterminated', 'a & | ! :* b', "'; drop table roles; --", '😀'.repeat(50), 'x'.repeat(2000), '\ud800'])(
    'answers odd input %# without raising',
    async (q) => {
      await expect(searchPublishedRoles(q)).resolves.toBeInstanceOf(Array)
    },
  )
})
