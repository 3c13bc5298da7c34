import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkMigrations, grandfathered } from './check-migrations'

describe('checkMigrations', () => {
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'))
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
  const write = (file: string, sql: string) => fs.writeFileSync(path.join(dir, file), sql)

  it('refuses an unmarked DROP COLUMN, and accepts it with a reason', () => {
    write('0007_drop_headline.sql', 'ALTER TABLE "roles" DROP COLUMN "headline";--> statement-breakpoint\n')
    expect(checkMigrations(dir)).toEqual([{ file: '0007_drop_headline.sql', statements: ['DROP COLUMN'] }])
    write('0007_drop_headline.sql', '-- destructive-ok: headline unused since release 1.4\nALTER TABLE "roles" DROP COLUMN "headline";\n')
    expect(checkMigrations(dir)).toEqual([])
  })

  it('finds DROP TABLE, RENAME and type changes; a marker without a reason does not count', () => {
    write('0008_a.sql', 'DROP TABLE "old_things";')
    write('0009_b.sql', 'ALTER TABLE "roles" RENAME COLUMN "title" TO "name";')
    write('0010_c.sql', 'ALTER TABLE "roles" ALTER COLUMN "salary" SET DATA TYPE numeric;')
    write('0011_d.sql', '-- destructive-ok:\nALTER TABLE "roles" ALTER COLUMN "salary" TYPE bigint;')
    expect(checkMigrations(dir)).toEqual([
      { file: '0008_a.sql', statements: ['DROP TABLE'] },
      { file: '0009_b.sql', statements: ['RENAME'] },
      { file: '0010_c.sql', statements: ['ALTER ... TYPE'] },
      { file: '0011_d.sql', statements: ['ALTER ... TYPE'] },
    ])
  })

  it('accepts additive migrations and words in comments or strings; skips the grandfathered files', () => {
    write('0012_add.sql', `CREATE TYPE "public"."kind" AS ENUM('a');\nALTER TABLE "roles" ADD COLUMN "note" text DEFAULT 'drop table later';\n-- we will DROP COLUMN "x" next release\n`)
    write('0000_init.sql', 'DROP TABLE "whatever";')
    expect(grandfathered.has('0000_init.sql')).toBe(true)
    expect(checkMigrations(dir)).toEqual([])
  })

  it('passes on the committed migrations', () => {
    expect(checkMigrations(path.join(process.cwd(), 'db', 'migrations'))).toEqual([])
  })
})
