import postgres from 'postgres'
import { randomBytes } from 'node:crypto'
import { seedLarge } from '@/bench/seed-large'
const base = 'postgres://postgres@127.0.0.1:5432/'
const name = 'skillsu_bench_p1x'
const admin = postgres(base + 'postgres', { max: 1, onnotice: () => {} })
await admin.unsafe(`drop database if exists "${name}" with (force)`)
await admin.unsafe(`create database "${name}"`)
await admin.end()
const { openPostgres } = await import('@/db')
const { runMigrations } = await import('@/db/migrate')
const { seed } = await import('@/db/seed')
const handle = openPostgres(base + name, { max: 3 })
await runMigrations(handle)
await seed(handle.db, { adminEmail: 'admin@example.com', adminPassword: randomBytes(12).toString('hex') })
await handle.close()
const sql = postgres(base + name, { max: 2, onnotice: () => {} })
console.log(await seedLarge(sql))
await sql`analyze`
await sql.end()
process.exit(0)
