/**
 * Helpers for the admin database tests (users, audit log, site settings). Test-only: imported by
 * *.db.test.ts files, never by the app.
 */
import { and, eq, sql } from 'drizzle-orm'
import { queryRows, type Database } from '@/db'
import { auditLog, users, type UserRole } from '@/db/schema'

let counter = 0
const runId = Math.random().toString(36).slice(2, 7)

/** An address no other test uses (the run id keeps it unique across engines and reruns). */
export const uniqueEmail = (tag: string) => `${tag}-${runId}-${++counter}@example.com`

/** A user inserted directly, as the brief asks: the role is set in the row, not through an action. */
export async function makeUser(d: Database, role: UserRole, over: { name?: string; disabled?: boolean; email?: string } = {}) {
  const [row] = await d
    .insert(users)
    .values({
      email: over.email ?? uniqueEmail(role),
      name: over.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`,
      role,
      passwordHash: '$argon2id$not-a-real-hash',
      disabledAt: over.disabled ? new Date() : null,
    })
    .returning()
  return row!
}

/** Disables every admin made so far, so a test controls exactly which admins are active. */
export async function retireAllAdmins(d: Database) {
  await d.update(users).set({ disabledAt: sql`now()` }).where(and(eq(users.role, 'admin'), sql`${users.disabledAt} is null`))
}

export async function userRow(d: Database, id: string) {
  const [row] = await d.select().from(users).where(eq(users.id, id))
  return row!
}

export async function auditRowsFor(d: Database, entityId: string) {
  return d.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id)
}

/** One hash per table of the public schema: any write anywhere changes it. */
export async function fingerprint(d: Database) {
  const tables = await queryRows<{ table_name: string }>(
    d,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )
  const out: Record<string, string> = {}
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ h: string }>(d, sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from "${table_name}" t`))
    out[table_name] = row!.h
  }
  return out
}

/**
 * Makes every commit of a change to `table` fail AFTER the audit row was written, when `when`
 * (a trigger condition on NEW) holds: a deferred constraint trigger runs at COMMIT, finds the
 * audit row written by the same transaction (same now()), and raises a check violation. The test
 * then shows that neither the change nor its audit row survived.
 */
export async function failCommitsAfterAudit(d: Database, table: 'users' | 'site_settings', when: string) {
  const name = `test_fail_${table}`
  await d.execute(
    sql.raw(`
    create or replace function ${name}() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from audit_log where created_at = now() and entity_id = new.id::text) then
        raise exception 'forced failure after the audit insert' using errcode = 'check_violation';
      end if;
      raise exception 'expected an audit row in this transaction before commit' using errcode = 'P0001';
    end $$`),
  )
  await d.execute(sql.raw(`drop trigger if exists ${name} on ${table}`))
  await d.execute(
    sql.raw(`create constraint trigger ${name} after insert or update on ${table} deferrable initially deferred for each row when (${when}) execute function ${name}()`),
  )
}
