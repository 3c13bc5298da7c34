import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { templateKeys } from '../../lib/applications/templates'
import type { Fixtures } from '../../lib/security/action-matrix'

/** The e2e server's PostgreSQL database (DATABASE_URL, as for e2e/session.ts). */
export function connect() {
  if (!process.env.DATABASE_URL) throw new Error('The authorization matrix needs DATABASE_URL (the e2e server on PostgreSQL).')
  return postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
}
export type Sql = ReturnType<typeof connect>

/**
 * Tables whose rows change without any request: rate_limits (every call may count), and the
 * outbox, whose sender loop leases and sends messages in the background (its row count is still
 * compared: a refused call must not queue mail).
 */
const ignored = new Set(['rate_limits'])
const countOnly = new Set(['email_outbox'])

export type Snapshot = Map<string, string>

/** Every table of the app: its row count and a hash of all its rows (count only for the outbox). */
export async function snapshot(sql: Sql): Promise<Snapshot> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
  const parts = tables
    .map((t) => t.name)
    .filter((name) => !ignored.has(name))
    .map((name) => {
      const id = `"${name.replaceAll('"', '""')}"`
      const hash = countOnly.has(name) ? `''` : `md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))`
      return `select '${name}' as name, count(*) || ':' || ${hash} as state from ${id} t`
    })
  const rows = await sql.unsafe<{ name: string; state: string }[]>(parts.join(' union all '))
  return new Map(rows.map((r) => [r.name, r.state]))
}

export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.keys(), ...after.keys()])
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort()
}

/** A user straight in the database, with no session (a target of the calls, never a caller). */
export async function insertUser(sql: Sql, role: 'candidate'): Promise<{ id: string; email: string }> {
  const email = `authz-${role}-${randomUUID().slice(0, 8)}@e2e.example`
  const [row] = await sql<{ id: string }[]>`
    insert into users (email, name, role, email_verified_at) values (${email}, 'Authz Other', ${role}, now()) returning id`
  return { id: row!.id, email }
}

/** An open (submitted) trainer application of the given user. */
export async function insertApplication(sql: Sql, owner: { id: string; email: string }): Promise<{ id: string; version: number }> {
  const [row] = await sql<{ id: string; version: number }[]>`
    insert into trainer_applications (user_id, full_name, email, country, languages, offers, years_experience, headline, bio, motivation, availability)
    values (${owner.id}, 'Authz Other', ${owner.email}, 'DE', ${['English']}, ${['training']}, 5, 'Probe', 'Probe bio', 'Probe motivation', 'Weekdays')
    returning id, version`
  return row!
}

/** A date column as YYYY-MM-DD (postgres.js reads `date` as a Date at UTC midnight). */
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** The working content of a role, as its editor form (and roleContentSchema) holds it. */
async function roleContent(sql: Sql, roleId: string): Promise<Record<string, unknown>> {
  const [r] = await sql`
    select r.*, c.slug as category_slug from roles r join role_categories c on c.id = r.category_id where r.id = ${roleId}`
  if (!r) throw new Error(`role ${roleId} not found`)
  const skills = await sql<{ name: string; share_pct: number; is_emerging: boolean }[]>`
    select s.name, rs.share_pct, rs.is_emerging from role_skills rs join skills s on s.id = rs.skill_id
    where rs.role_id = ${roleId} order by rs.position, s.name`
  return {
    slug: r.slug,
    title: r.title,
    categorySlug: r.category_slug,
    summary: r.summary,
    overview: r.overview,
    responsibilities: r.responsibilities,
    qualifications: r.qualifications,
    trends: r.trends,
    skills: skills.map((s) => ({ name: s.name, sharePct: s.share_pct, isEmerging: s.is_emerging })),
    market: {
      growthRatePct: num(r.growth_rate_pct),
      growthPeriodStart: num(r.growth_period_start),
      growthPeriodEnd: num(r.growth_period_end),
      growthDriver: r.growth_driver ?? '',
      entryToSeniorRatio: num(r.entry_to_senior_ratio),
      demandChangePct: num(r.demand_change_pct),
      demandChangePeriod: r.demand_change_period ?? '',
      demandHubs: r.demand_hubs,
    },
    salary: {
      currency: r.salary_currency,
      region: r.salary_region,
      min: num(r.salary_min),
      avg: num(r.salary_avg),
      max: num(r.salary_max),
      maxOpenEnded: r.salary_max_open_ended,
      locationPremiums: r.location_premiums,
    },
    sources: r.sources,
    lastReviewedAt: r.last_reviewed_at ? day(r.last_reviewed_at) : null,
  }
}

/**
 * The rows the probes aim at: seed content (a published role, a partner, a program, an
 * opportunity) and rows made here (another user with an open application, an inquiry, a failed
 * email, a role revision). Read once; versions do not move, since refused calls write nothing
 * and allowed ones are given stale versions or unknown ids.
 */
export async function loadFixtures(sql: Sql): Promise<Omit<Fixtures, 'unique'>> {
  const other = await insertUser(sql, 'candidate')
  const [otherStaff] = await sql<{ id: string }[]>`
    insert into users (email, name, role, email_verified_at, totp_enabled_at)
    values (${`authz-editor-${randomUUID().slice(0, 8)}@e2e.example`}, 'Authz Other Editor', 'editor', now(), now()) returning id`
  const app = await insertApplication(sql, other)

  const [role] = await sql<{ id: string; version: number }[]>`
    select id, version from roles where status = 'published' and deleted_at is null order by slug limit 1`
  if (!role) throw new Error('no published role in the seed')
  const content = await roleContent(sql, role.id)
  const [revision] = await sql<{ id: string }[]>`
    insert into role_revisions (role_id, version, action, content) values (${role.id}, ${role.version}, 'save', ${sql.json(content as never)}) returning id`

  const [partner] = await sql<{ id: string; version: number; name: string }[]>`
    select id, version, name from partners where deleted_at is null order by display_order limit 1`
  if (!partner) throw new Error('no partner in the seed')

  const [program] = await sql`select * from programs where deleted_at is null order by slug limit 1`
  if (!program) throw new Error('no program in the seed')
  const programRoles = await sql<{ role_id: string }[]>`select role_id from program_roles where program_id = ${program.id}`
  const programSkills = await sql<{ skill_id: string }[]>`select skill_id from program_skills where program_id = ${program.id}`

  const [opp] = await sql`select * from opportunities where deleted_at is null order by title limit 1`
  if (!opp) throw new Error('no opportunity in the seed')

  const [inquiry] = await sql<{ id: string; version: number }[]>`
    insert into inquiries (kind, company, contact_name, email, size, partnership_type, message)
    values ('partnership', 'Authz Other Ltd', 'Authz Other', ${other.email}, '1-10', 'other', 'A fixture inquiry for the authorization matrix.')
    returning id, version`
  const [email] = await sql<{ id: string }[]>`
    insert into email_outbox (to_address, user_id, kind, subject, text_body, html_body, status, attempts, message_id)
    values (${other.email}, ${other.id}, 'authz_fixture', 'Authz fixture', 'Body', '<p>Body</p>', 'failed', 5, ${`<authz-${randomUUID()}@e2e.example>`})
    returning id`
  const suppressed = `authz-suppressed-${randomUUID().slice(0, 8)}@e2e.example`
  await sql`insert into email_suppressions (email, reason) values (${suppressed}, 'manual')`
  const [template] = await sql<{ version: number }[]>`select version from email_templates where key = ${templateKeys[0]}`
  const [settings] = await sql<{ version: number }[]>`select version from site_settings where id = 1`

  return {
    other,
    otherStaff: otherStaff!,
    application: app,
    role: { id: role.id, version: role.version, revisionId: revision!.id, content },
    partner,
    program: {
      id: program.id,
      version: program.version,
      values: {
        title: program.title,
        slug: program.slug,
        summary: program.summary,
        description: program.description,
        format: program.format,
        duration: program.duration,
        level: program.level,
        roleIds: programRoles.map((r) => r.role_id),
        skillIds: programSkills.map((s) => s.skill_id),
      },
    },
    opportunity: {
      id: opp.id,
      version: opp.version,
      values: {
        title: opp.title,
        partnerId: opp.partner_id ?? '',
        companyName: opp.company_name,
        roleId: opp.role_id ?? '',
        location: opp.location,
        remote: opp.remote,
        employmentType: opp.employment_type,
        description: opp.description,
        applyUrl: opp.apply_url,
        expiresOn: opp.expires_at ? day(opp.expires_at) : '',
      },
    },
    inquiry: inquiry!,
    email: email!,
    templateVersion: template?.version ?? 0,
    suppressed,
    siteSettingsVersion: settings?.version ?? 0,
  }
}
