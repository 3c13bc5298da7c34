import { beforeAll, expect, it } from 'vitest'
import type { Database } from '@/db'
import { skills, trainerProfiles, trainerSkills, type UserRole } from '@/db/schema'
import { makeUser } from '@/lib/users/test-helpers'
import { describeEachEngine } from '@/test/db'
import { listTrainersForSkills } from './data'

const runId = Math.random().toString(36).slice(2, 7)

describeEachEngine('public trainer cards', ({ handle }) => {
  const d = (): Database => handle().db
  const slug = (k: string) => `${k}-${runId}`
  const name = (k: string) => `${k.toUpperCase()} ${runId}`

  async function trainer(label: string, skillKeys: string[], over: { role?: UserRole; visible?: boolean; disabled?: boolean } = {}) {
    const user = await makeUser(d(), over.role ?? 'trainer', { name: label, disabled: over.disabled })
    await d().insert(trainerProfiles).values({ userId: user.id, headline: `${label} headline`, visible: over.visible ?? true })
    const rows = await d().select({ id: skills.id, slug: skills.slug }).from(skills)
    const ids = skillKeys.map((k) => rows.find((r) => r.slug === slug(k))!.id)
    if (ids.length) await d().insert(trainerSkills).values(ids.map((skillId) => ({ userId: user.id, skillId })))
    return user
  }

  beforeAll(async () => {
    await d()
      .insert(skills)
      .values(['sql', 'python', 'docker', 'react', 'rust'].map((k) => ({ name: name(k), slug: slug(k) })))
    await trainer('Zoe Three', ['sql', 'python', 'docker'])
    await trainer('Adam Two', ['sql', 'python'])
    await trainer('Bea Two', ['python', 'docker', 'react'])
    await trainer('Carl One', ['docker'])
    await trainer('Hidden Hannah', ['sql', 'python', 'docker'], { visible: false })
    await trainer('Candidate Cora', ['sql', 'python', 'docker'], { role: 'candidate' })
    await trainer('Disabled Dan', ['sql', 'python', 'docker'], { disabled: true })
    await trainer('Editor Eve', ['sql'], { role: 'editor' })
    await trainer('Rusty Rob', ['rust'])
  })

  it('lists trainers by overlap with the skills asked for, then by name, with the matched skills', async () => {
    const cards = await listTrainersForSkills([slug('sql'), slug('python'), slug('docker')])
    expect(cards).toEqual([
      { name: 'Zoe Three', headline: 'Zoe Three headline', matchedSkills: [name('docker'), name('python'), name('sql')] },
      { name: 'Adam Two', headline: 'Adam Two headline', matchedSkills: [name('python'), name('sql')] },
      { name: 'Bea Two', headline: 'Bea Two headline', matchedSkills: [name('docker'), name('python')] },
      { name: 'Carl One', headline: 'Carl One headline', matchedSkills: [name('docker')] },
      { name: 'Editor Eve', headline: 'Editor Eve headline', matchedSkills: [name('sql')] },
    ])
  })

  it('leaves out hidden cards, candidates (no longer trainers) and disabled accounts', async () => {
    const names = (await listTrainersForSkills([slug('sql'), slug('python'), slug('docker'), slug('react'), slug('rust')], 24)).map((c) => c.name)
    expect(names).not.toContain('Hidden Hannah')
    expect(names).not.toContain('Candidate Cora')
    expect(names).not.toContain('Disabled Dan')
    expect(names).toHaveLength(6)
  })

  it('limits the list (6 by default) and ignores malformed or unknown slugs', async () => {
    expect(await listTrainersForSkills([slug('sql'), slug('python'), slug('docker'), slug('react'), slug('rust')])).toHaveLength(6)
    expect((await listTrainersForSkills([slug('sql'), slug('python')], 2)).map((c) => c.name)).toEqual(['Adam Two', 'Zoe Three'])
    expect(await listTrainersForSkills([])).toEqual([])
    expect(await listTrainersForSkills(["x' or 1=1 --", 'nope-nothing'])).toEqual([])
    expect((await listTrainersForSkills([` ${slug('RUST').toUpperCase()} `])).map((c) => c.name)).toEqual(['Rusty Rob'])
  })

  it('returns only public fields', async () => {
    const [card] = await listTrainersForSkills([slug('rust')])
    expect(Object.keys(card!).sort()).toEqual(['headline', 'matchedSkills', 'name'])
  })
})
