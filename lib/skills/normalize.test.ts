import { describe, expect, it } from 'vitest'
import { cleanSkillName, skillSlug } from './normalize'

describe('skillSlug', () => {
  it.each([
    ['Node.js', 'node-js'],
    ['  NODE.JS ', 'node-js'],
    ['C++', 'c-plus-plus'],
    ['C#', 'c-sharp'],
    ['CI/CD', 'ci-cd'],
    ['Résumé writing', 'resume-writing'],
    ['REST APIs', 'rest-apis'],
  ])('%s -> %s', (name, slug) => expect(skillSlug(name)).toBe(slug))
})

describe('cleanSkillName', () => {
  it('collapses whitespace', () => expect(cleanSkillName('  Machine   Learning ')).toBe('Machine Learning'))
})
