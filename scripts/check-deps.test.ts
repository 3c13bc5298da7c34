import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { atLeast, checkLockfile, patchedMinimums } from './check-deps'

const lockWith = (versions: Record<string, string>, extra: Record<string, { version: string }> = {}) => ({
  lockfileVersion: 3,
  packages: { '': {}, ...Object.fromEntries(Object.entries(versions).map(([name, version]) => [`node_modules/${name}`, { version }])), ...extra },
})
const patched = { next: '16.3.3', react: '19.2.8', 'react-dom': '19.2.8', 'next-auth': '4.24.15' }

describe('check-deps', () => {
  it('compares versions numerically, with a prerelease below its release', () => {
    expect(atLeast('16.10.0', '16.3.3')).toBe(true)
    expect(atLeast('16.3.3', '16.3.3')).toBe(true)
    expect(atLeast('16.3.2', '16.3.3')).toBe(false)
    expect(atLeast('16.3.3-canary.1', '16.3.3')).toBe(false)
    expect(atLeast('17.0.0-rc.0', '16.3.3')).toBe(true)
    expect(atLeast('15.9.99', '16.3.3')).toBe(false)
    expect(atLeast('garbage', '16.3.3')).toBe(false)
  })

  it('passes the minimums themselves and this repository\'s lockfile', () => {
    expect(checkLockfile(lockWith(patched))).toEqual([])
    expect(checkLockfile(JSON.parse(fs.readFileSync('package-lock.json', 'utf8')))).toEqual([])
  })

  it('names each package below its minimum, nested copies and missing ones included', () => {
    const problems = checkLockfile(
      lockWith({ ...patched, next: '16.0.7', 'react-dom': '19.2.7' }, { 'node_modules/some-lib/node_modules/react': { version: '19.1.0' } }),
    )
    expect(problems).toHaveLength(3)
    expect(problems[0]).toMatch(/^next 16\.0\.7 at node_modules\/next is below the patched 16\.3\.3/)
    expect(problems.join('\n')).toMatch(/react 19\.1\.0 at node_modules\/some-lib\/node_modules\/react/)
    expect(problems.join('\n')).toMatch(/react-dom 19\.2\.7/)
    const { 'next-auth': _, ...withoutAuth } = patched
    void _
    expect(checkLockfile(lockWith(withoutAuth))).toEqual(['next-auth: not in the lockfile (at least 4.24.15 is required)'])
    expect(Object.keys(patchedMinimums).sort()).toEqual(['next', 'next-auth', 'react', 'react-dom'])
  })

  it('exits 1 with a clear message on a bad lockfile and 0 on a good one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-deps-'))
    try {
      fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(lockWith({ ...patched, next: '16.0.0' })))
      fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(lockWith(patched)))
      const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-deps.ts', path.join(dir, file)], { encoding: 'utf8' })
      const bad = run('bad.json')
      expect(bad.status).toBe(1)
      expect(bad.stderr).toMatch(/Dependency check failed[\s\S]*next 16\.0\.0 at node_modules\/next is below the patched 16\.3\.3/)
      const good = run('good.json')
      expect(good.status).toBe(0)
      expect(good.stdout).toMatch(/next 16\.3\.3, react 19\.2\.8, react-dom 19\.2\.8, next-auth 4\.24\.15/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
