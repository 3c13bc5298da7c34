import { randomUUID } from 'node:crypto'
import { actionMatrix, needsSecondFactor, type ActionRule, type Caller, type Fixtures } from '../lib/security/action-matrix'
import { callAction, readManifest, type CallOutcome, type ManifestAction } from './authz/call'
import { changedTables, connect, insertApplication, insertUser, loadFixtures, snapshot, type Sql } from './authz/db'
import { createUserWithCookie, mintSessionCookie } from './session'
import { expect, test } from './test'

/**
 * The authorization matrix (lib/security/action-matrix.ts) against the production build: every
 * server action the build contains must have a row, and every action is called over HTTP as each
 * kind of caller with a real session cookie. A refused call must answer with an authorization
 * refusal (or, with no cookie at all, the proxy's redirect to sign-in) and leave every table as
 * it was; an allowed call must not be refused for authorization.
 */

const distDir = process.env.NEXT_DIST_DIR ?? '.next'
const built = readManifest(distDir)
const byKey = new Map(built.map((a) => [a.key, a]))

/** Who calls: the matrix's roles, plus a stale session and staff sessions without a second factor. */
type Probe = { name: string; as: Caller; cookie?: string; mfa: boolean; signedIn: boolean }

async function callers(sql: Sql): Promise<Probe[]> {
  const probes: Probe[] = [{ name: 'anonymous', as: 'anonymous', mfa: false, signedIn: false }]
  // A cookie that was real once: its user then signed out everywhere (a newer session_version).
  const stale = await createUserWithCookie('candidate')
  await sql`update users set session_version = session_version + 1 where id = ${stale.id}`
  probes.push({ name: 'signed-out cookie', as: 'anonymous', cookie: stale.cookie, mfa: false, signedIn: false })
  for (const role of ['candidate', 'trainer', 'editor', 'admin'] as const) {
    const user = await createUserWithCookie(role)
    probes.push({ name: role, as: role, cookie: user.cookie, mfa: true, signedIn: true })
  }
  for (const role of ['editor', 'admin'] as const) {
    const user = await createUserWithCookie(role, { mfa: false })
    probes.push({ name: `${role} without second factor`, as: role, cookie: user.cookie, mfa: false, signedIn: true })
  }
  return probes
}

function isAllowed(rule: ActionRule, probe: Probe): boolean {
  if (!rule.allowed.includes(probe.as)) return false
  return !(probe.signedIn && !probe.mfa && needsSecondFactor(rule))
}

type Verdict = 'refused' | 'passed' | 'other'

/** How an answer reads: refused for authorization, passed the check (done, or failed for another reason), or broken. */
function verdict(outcome: CallOutcome): { verdict: Verdict; detail: string } {
  if (outcome.kind === 'redirect') {
    const toLogin = new URL(outcome.location, 'http://x').pathname === '/login'
    return { verdict: toLogin ? 'refused' : 'other', detail: `${outcome.status} -> ${outcome.location}` }
  }
  if (outcome.kind === 'error') return { verdict: 'other', detail: `HTTP ${outcome.status}: ${outcome.body}` }
  const value = outcome.value as { ok?: unknown; code?: unknown; error?: unknown; fieldErrors?: unknown } | undefined
  const detail = JSON.stringify(value)?.slice(0, 300) ?? 'undefined'
  if (value && value.ok === false && (value.code === 'unauthenticated' || value.code === 'forbidden')) return { verdict: 'refused', detail }
  if (value && (value.ok === true || value.ok === false)) return { verdict: 'passed', detail }
  // Actions answering something other than an ActionResult (none today) pass when they answer at all.
  return { verdict: value === undefined ? 'other' : 'passed', detail }
}

const totals = { actions: 0, calls: 0, refusals: 0, byProxy: 0, allowed: 0 }
let sql: Sql
let base: Omit<Fixtures, 'unique'>
let ipCounter = 0
const nextIp = () => {
  ipCounter += 1
  return `10.${200 + (ipCounter >> 16)}.${(ipCounter >> 8) & 255}.${(ipCounter & 255) || 1}`
}

test.beforeAll(async () => {
  sql = connect()
  base = await loadFixtures(sql)
})

test.afterAll(async () => {
  console.log(`authz matrix: ${totals.actions} actions, ${totals.calls} calls, ${totals.refusals} refusals verified (database unchanged; ${totals.byProxy} of them the proxy's sign-in redirect), ${totals.allowed} allowed calls`)
  await sql?.end()
})

test('every server action of the build has a row in the matrix, and every row is in the build', () => {
  const missing = built.filter((a) => !(a.key in actionMatrix)).map((a) => `${a.key} (${a.id})`)
  const stale = Object.keys(actionMatrix).filter((key) => !byKey.has(key))
  expect(missing, 'actions in the build with no row in lib/security/action-matrix.ts').toEqual([])
  expect(stale, 'matrix rows with no action in the build').toEqual([])
  expect(built.length).toBeGreaterThan(0)
})

for (const [key, rule] of Object.entries(actionMatrix)) {
  test(`authorization: ${key}`, async ({ request, baseURL }) => {
    const action = byKey.get(key)
    expect(action, `${key} is in the build (${distDir}/server/server-reference-manifest.json)`).toBeDefined()
    const before0 = await snapshot(sql)
    for (const table of rule.writes) expect(before0.has(table) || table === 'rate_limits', `matrix table ${table} exists`).toBe(true)

    totals.actions += 1
    for (const probe of await callers(sql)) {
      const allowed = isAllowed(rule, probe)
      const fixtures: Fixtures = { ...base, unique: randomUUID().replaceAll('-', '').slice(0, 16) }
      const args = allowed ? (rule.harmless ?? rule.probe)(fixtures) : rule.probe(fixtures)
      const guarded = !allowed || !!rule.othersRow
      const before = guarded ? await snapshot(sql) : undefined
      const outcome = await callAction(request, action as ManifestAction, args, { baseURL: baseURL!, cookie: probe.cookie, ip: nextIp() })
      const { verdict: v, detail } = verdict(outcome)
      totals.calls += 1
      const label = `${key} as ${probe.name}`
      if (!allowed) {
        expect.soft(v, `${label} must be refused; got ${detail}`).toBe('refused')
        const changed = changedTables(before!, await snapshot(sql))
        expect.soft(changed, `${label} was refused but changed tables`).toEqual([])
        if (v === 'refused' && changed.length === 0) totals.refusals += 1
        if (outcome.kind === 'redirect') totals.byProxy += 1
      } else {
        expect.soft(v, `${label} must pass the authorization check; got ${detail}`).toBe('passed')
        if (rule.othersRow) {
          expect.soft((outcome as { value?: { ok?: unknown } }).value?.ok, `${label} acts on another user's row: ${detail}`).toBe(false)
          expect.soft(changedTables(before!, await snapshot(sql)), `${label} changed another user's row`).toEqual([])
        }
        totals.allowed += 1
      }
    }
  })
}

test("a user cannot withdraw someone else's application; its owner can", async ({ request, baseURL }) => {
  const action = byKey.get('lib/applications/actions.ts#withdrawApplication')!
  const owner = await insertUser(sql, 'candidate')
  const application = await insertApplication(sql, owner)
  const intruder = await createUserWithCookie('candidate')
  const row = async () => (await sql<{ status: string; version: number }[]>`select status, version from trainer_applications where id = ${application.id}`)[0]

  const refused = await callAction(request, action, [application], { baseURL: baseURL!, cookie: intruder.cookie, ip: nextIp() })
  expect(refused.kind === 'result' && (refused.value as { ok: boolean }).ok).toBe(false)
  expect(await row()).toEqual({ status: 'submitted', version: application.version })

  const ownerCookie = await mintSessionCookie({ userId: owner.id, mfa: false })
  const done = await callAction(request, action, [application], { baseURL: baseURL!, cookie: ownerCookie, ip: nextIp() })
  expect(done.kind === 'result' && (done.value as { ok: boolean }).ok, JSON.stringify(done)).toBe(true)
  expect(await row()).toEqual({ status: 'withdrawn', version: application.version + 1 })
})
