import { eq } from 'drizzle-orm'
import { beforeAll, expect, it } from 'vitest'
import { roles } from '@/db/schema'
import { seed } from '@/db/seed'
import { describeEachEngine } from '@/test/db'
import { searchPublishedRoles } from './data'

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
