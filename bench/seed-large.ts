/**
 * The bench's large data set, added on top of the normal seed: 10,000 roles, 2,000 skills, 100,000
 * candidates with profiles (skills, target roles, a saved role), 50,000 trainer applications and
 * 100,000 audit rows. Deterministic (every value and id is a function of the row number, ids are
 * md5-derived uuids), bulk `generate_series` inserts, one password hash for every account.
 *
 * Run alone: `DATABASE_URL=postgres://... npx tsx bench/seed-large.ts` (the database must be migrated
 * and seeded with the normal content first; `npm run bench` does all of it).
 */
import postgres from 'postgres'
import { hashPassword } from '@/lib/auth/password'

export const largeSet = { roles: 10_000, skills: 2_000, users: 100_000, applications: 50_000, audit: 100_000 } as const

/** The accounts the bench signs in as: a candidate with a full profile, and an admin with a second factor. */
export const benchAccounts = { candidateEmail: 'bench-user-1@bench.example', adminEmail: 'bench-admin@bench.example' } as const

export interface SeedLargeResult {
  seconds: number
  counts: Record<string, number>
  candidateId: string
  adminId: string
}

export async function seedLarge(sql: postgres.Sql, log: (line: string) => void = console.log): Promise<SeedLargeResult> {
  const started = performance.now()
  // One argon2 hash reused for every account (hashing 100,000 would take minutes).
  const passwordHash = await hashPassword('bench-password-not-secret')
  const step = async (label: string, run: () => Promise<unknown>) => {
    const t = performance.now()
    await run()
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`)
  }

  await sql.begin(async (tx) => {
    await tx`set local statement_timeout = 0`
    // md5-derived ids, made valid RFC 4122 uuids (version 4, variant 8): zod's z.uuid() checks both.
    await tx`create function pg_temp.bench_uuid(t text) returns uuid language sql immutable as $$ select overlay(overlay(md5(t) placing '4' from 13) placing '8' from 17)::uuid $$`
    const [existing] = await tx<{ skills: number; roles: number }[]>`select (select count(*)::int from skills) as skills, (select count(*)::int from roles) as roles`
    const newRoles = largeSet.roles - existing!.roles
    const newSkills = largeSet.skills - existing!.skills

    await step(`${newSkills} skills`, () => tx`
      insert into skills (id, name, slug)
      select pg_temp.bench_uuid('bench-skill-' || n), 'Capability ' || n, 'capability-' || n
        from generate_series(1, ${newSkills}) n`)

    // The search vector is computed once, after the skills are in (the triggers would do it per row, twice).
    await tx`alter table roles disable trigger roles_search_vector_biu`
    await tx`alter table role_skills disable trigger role_skills_touch_role_aiud`
    await step(`${newRoles} roles`, () => tx`
      with seed as (select row_number() over (order by slug) - 1 as i, count(*) over () as c, r.* from roles r where r.deleted_at is null)
      insert into roles (id, slug, title, category_id, summary, overview, status, version, published_at, deleted_at,
                         responsibilities, qualifications, trends, growth_rate_pct, growth_period_start, growth_period_end,
                         growth_driver, entry_to_senior_ratio, demand_change_pct, demand_change_period, demand_hubs,
                         salary_currency, salary_region, salary_min, salary_avg, salary_max, salary_max_open_ended,
                         location_premiums, sources, last_reviewed_at, created_at, updated_at)
      select pg_temp.bench_uuid('bench-role-' || n), s.slug || '-' || n,
             (array['Junior', 'Senior', 'Lead', 'Principal', 'Staff'])[n % 5 + 1] || ' ' || s.title || ' ' || n,
             s.category_id, s.summary, s.overview,
             (case when n % 100 < 90 then 'published' when n % 100 < 97 then 'draft' else 'archived' end)::role_status, 1,
             case when n % 100 < 90 then now() - n * interval '1 minute' end,
             case when n % 200 = 199 then now() end,
             s.responsibilities, s.qualifications, s.trends, s.growth_rate_pct + (n % 20), s.growth_period_start, s.growth_period_end,
             s.growth_driver, s.entry_to_senior_ratio, s.demand_change_pct, s.demand_change_period, s.demand_hubs,
             s.salary_currency, s.salary_region, s.salary_min + (n % 50) * 100, s.salary_avg + (n % 50) * 100, s.salary_max + (n % 50) * 100,
             s.salary_max_open_ended, s.location_premiums, s.sources, s.last_reviewed_at,
             now() - n * interval '37 seconds', now() - n * interval '37 seconds'
        from generate_series(1, ${newRoles}) n
        join seed s on s.i = n % s.c`)
    await step('80,000 role skills', () => tx`
      with sk as (select array_agg(id order by slug) as ids, count(*)::int as c from skills)
      insert into role_skills (role_id, skill_id, share_pct, is_emerging, position)
      select pg_temp.bench_uuid('bench-role-' || n), sk.ids[((n * 37 + k * 211) % sk.c) + 1], 90 - k * 10, k = 7, k
        from generate_series(1, ${newRoles}) n cross join generate_series(0, 7) k cross join sk`)
    await tx`alter table role_skills enable trigger role_skills_touch_role_aiud`
    await tx`alter table roles enable trigger roles_search_vector_biu`
    // Fresh statistics first, or the trigger's per-role lookup plans for the tiny table it was.
    await tx`analyze role_skills`
    await tx`analyze skills`
    await step('search vectors', () => tx`update roles set search_vector = null where id in (select pg_temp.bench_uuid('bench-role-' || n) from generate_series(1, ${newRoles}) n)`)

    await step(`${largeSet.users} users`, () => tx`
      insert into users (id, email, name, password_hash, role, email_verified_at, created_at, updated_at)
      select pg_temp.bench_uuid('bench-user-' || n), 'bench-user-' || n || '@bench.example', 'Bench Candidate ' || n, ${passwordHash},
             'candidate', now(), now() - n * interval '1 second', now() - n * interval '1 second'
        from generate_series(1, ${largeSet.users}) n`)
    await step('profiles', () => tx`
      insert into candidate_profiles (user_id, headline, location, years_experience, bio, is_public, alert_frequency)
      select pg_temp.bench_uuid('bench-user-' || n), 'Candidate ' || n, (array['Berlin', 'London', 'Lisbon', 'Remote'])[n % 4 + 1], n % 30,
             'A bench candidate.', n % 3 = 0, (array['off', 'daily', 'weekly', 'monthly'])[n % 4 + 1]::alert_frequency
        from generate_series(1, ${largeSet.users}) n`)
    await step('user skills (3 each)', () => tx`
      with sk as (select array_agg(id order by slug) as ids, count(*)::int as c from skills)
      insert into user_skills (user_id, skill_id)
      select pg_temp.bench_uuid('bench-user-' || n), sk.ids[((n * 17 + k * 401) % sk.c) + 1]
        from generate_series(1, ${largeSet.users}) n cross join generate_series(0, 2) k cross join sk`)
    await step('target roles (2 each) and a saved role', async () => {
      await tx`
        insert into user_target_roles (user_id, role_id, position)
        select pg_temp.bench_uuid('bench-user-' || n), pg_temp.bench_uuid('bench-role-' || (((n * 7 + k * 3331) % ${newRoles}) + 1)), k
          from generate_series(1, ${largeSet.users}) n cross join generate_series(0, 1) k`
      await tx`
        insert into saved_roles (user_id, role_id)
        select pg_temp.bench_uuid('bench-user-' || n), pg_temp.bench_uuid('bench-role-' || (((n * 11) % ${newRoles}) + 1))
          from generate_series(1, ${largeSet.users}) n`
    })
    await step(`${largeSet.applications} applications`, () => tx`
      insert into trainer_applications (id, user_id, status, full_name, email, country, languages, offers, years_experience,
                                        headline, bio, motivation, availability, submitted_at, decided_at)
      select pg_temp.bench_uuid('bench-application-' || n), pg_temp.bench_uuid('bench-user-' || n),
             (array['submitted', 'screening', 'interview', 'accepted', 'rejected', 'withdrawn'])[n % 6 + 1]::application_status,
             'Bench Candidate ' || n, 'bench-user-' || n || '@bench.example', (array['US', 'DE', 'GB', 'PT', 'IN'])[n % 5 + 1],
             array['en'], array['training'], n % 40, 'Trainer ' || n, 'A bench applicant.', 'To teach.', 'Weekdays',
             now() - n * interval '5 minutes', case when n % 6 in (3, 4) then now() - n * interval '4 minutes' end
        from generate_series(1, ${largeSet.applications}) n`)

    await tx`
      insert into users (id, email, name, password_hash, role, email_verified_at, totp_enabled_at)
      values (pg_temp.bench_uuid('bench-admin'), ${benchAccounts.adminEmail}, 'Bench Admin', ${passwordHash}, 'admin', now(), now())`
    await step(`${largeSet.audit} audit rows`, () => tx`
      insert into audit_log (actor_id, action, entity_type, entity_id, before, after, ip, created_at)
      select pg_temp.bench_uuid('bench-admin'), (array['role.save', 'role.publish', 'user.update'])[n % 3 + 1], 'role',
             pg_temp.bench_uuid('bench-role-' || ((n % ${newRoles}) + 1))::text, jsonb_build_object('version', n % 9 + 1),
             jsonb_build_object('version', n % 9 + 2), '127.0.0.1', now() - n * interval '30 seconds'
        from generate_series(1, ${largeSet.audit}) n`)
  })
  await step('analyze', () => sql`analyze`)

  const counts: Record<string, number> = {}
  for (const table of ['roles', 'skills', 'role_skills', 'users', 'candidate_profiles', 'user_skills', 'user_target_roles', 'trainer_applications', 'audit_log']) {
    const [row] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`)
    counts[table] = row!.n
  }
  const [ids] = await sql<{ candidate: string; admin: string }[]>`
    select (select id::text from users where email = ${benchAccounts.candidateEmail}) as candidate,
           (select id::text from users where email = ${benchAccounts.adminEmail}) as admin`
  return { seconds: (performance.now() - started) / 1000, counts, candidateId: ids!.candidate, adminId: ids!.admin }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('Set DATABASE_URL to a migrated, seeded PostgreSQL database')
  const sql = postgres(url, { max: 2, onnotice: () => {} })
  seedLarge(sql)
    .then((r) => console.log(`Seeded the large set in ${r.seconds.toFixed(1)} s:`, r.counts))
    .finally(() => sql.end())
}
