import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { connectCacheRedis, createRedisCacheStore, decodeEntry, encodeEntry, type RedisCacheStore } from './redis-cache-handler'

// A real Redis (db 4, so nothing here meets the app's data) under a key prefix of this run only.
const redisUrl = 'redis://127.0.0.1:6379/4'
const redisUp = await new Promise<boolean>((resolve) => {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
  probe.on('error', () => {})
  probe.connect().then(() => probe.quit().then(() => resolve(true)), () => resolve(false))
})
if (!redisUp) console.warn('redis-cache-handler.test: no Redis on 127.0.0.1:6379, the Redis tests are skipped')

const keyPrefix = `skillsu:cache-test:${randomUUID()}:`
const clients: Redis[] = []
/** A connected client (the app's client queues nothing while connecting, so tests wait for it). */
const client = async () => {
  const c = connectCacheRedis(redisUrl)
  clients.push(c)
  if (c.status !== 'ready') await new Promise((resolve) => c.once('ready', resolve))
  return c
}
/** Two app instances: separate connections and stores, one Redis. */
const instance = async (buildId = 'build-1', log: (m: string) => void = () => {}): Promise<RedisCacheStore> =>
  createRedisCacheStore({ client: await client(), keyPrefix, buildId, log })

afterAll(async () => {
  if (redisUp) {
    const admin = new Redis(redisUrl)
    const keys = await admin.keys(`${keyPrefix}*`)
    if (keys.length) await admin.del(...keys)
    await admin.quit()
  }
  for (const c of clients) c.disconnect()
})

const fetchGet = (tags: string[] = [], softTags: string[] = []) => ({ kind: 'FETCH', tags, softTags }) as never
const fetchSet = (tags: string[]) => ({ fetchCache: true, tags }) as never
const pageGet = { kind: 'APP_PAGE', isFallback: false } as never
const fetchValue = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' }, revalidate: 31536000 }) as never
const pageValue = (html: string, tags: string) =>
  ({
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc:${html}`),
    segmentData: new Map([['/_tree', Buffer.from([0, 1, 2, 255])]]),
    headers: { 'x-next-cache-tags': tags },
    status: 200,
    postponed: undefined,
  }) as never

describe('entry encoding', () => {
  it('keeps Buffers and Maps (a page RSC payload and its segments) through JSON', () => {
    const value = { html: '<p>x</p>', rsc: Buffer.from('abc'), segments: new Map([['/a', Buffer.from([1, 2])]]), n: 1, nested: { b: new Uint8Array([9]) } }
    const back = decodeEntry(encodeEntry(value)) as typeof value
    expect(back.html).toBe('<p>x</p>')
    expect(Buffer.isBuffer(back.rsc) && back.rsc.toString()).toBe('abc')
    expect(back.segments).toBeInstanceOf(Map)
    expect([...back.segments.get('/a')!]).toEqual([1, 2])
    expect([...(back.nested.b as Uint8Array)]).toEqual([9])
    expect(back.n).toBe(1)
  })
})

describe.skipIf(!redisUp)('Redis cache handler (two instances, one Redis)', () => {
  it('an entry written by one instance is served by the other, byte for byte', async () => {
    const a = await instance()
    const b = await instance()
    await a.set('/roles/x', pageValue('<h1>Data analyst</h1>', '_N_T_/layout,role:x'), { cacheControl: { revalidate: false, expire: undefined } } as never)
    const hit = await b.get('/roles/x', pageGet)
    expect(hit).not.toBeNull()
    const value = hit!.value as unknown as { html: string; rscData: Buffer; segmentData: Map<string, Buffer> }
    expect(value.html).toBe('<h1>Data analyst</h1>')
    expect(value.rscData.toString()).toBe('rsc:<h1>Data analyst</h1>')
    expect([...value.segmentData.get('/_tree')!]).toEqual([0, 1, 2, 255])
    expect(hit!.cacheControl).toEqual({ revalidate: false })
    expect(Math.abs(hit!.lastModified - Date.now())).toBeLessThan(5_000)
    expect(await b.get('/roles/other', pageGet)).toBeNull()
  })

  it('a tag revalidated on one instance makes the pages carrying it miss on every instance, and only those', async () => {
    const a = await instance()
    const b = await instance()
    await a.set('/', pageValue('home v1', '_N_T_/layout,site-settings,roles'), {} as never)
    await a.set('/partners', pageValue('partners v1', '_N_T_/layout,partners'), {} as never)
    expect(await b.get('/', pageGet)).not.toBeNull()

    await b.revalidateTag(['site-settings'])
    expect(await a.get('/', pageGet)).toBeNull()
    expect(await b.get('/', pageGet)).toBeNull()
    expect(await a.get('/partners', pageGet)).not.toBeNull()

    // Rendered again after the publish: served again.
    await a.set('/', pageValue('home v2', '_N_T_/layout,site-settings,roles'), {} as never)
    const again = await b.get('/', pageGet)
    expect((again!.value as unknown as { html: string }).html).toBe('home v2')
  })

  it('cached data (unstable_cache) is checked against its own tags and the implicit path tags the caller asks with', async () => {
    const a = await instance()
    const b = await instance()
    await a.set('data-1', fetchValue('{"roles":1}'), fetchSet(['roles']))
    expect(await b.get('data-1', fetchGet(['roles']))).not.toBeNull()
    // The tags the entry was stored with count even when the reader does not name them.
    await a.revalidateTag('roles')
    expect(await b.get('data-1', fetchGet())).toBeNull()

    await a.set('data-2', fetchValue('{"n":2}'), fetchSet(['skills']))
    expect(await b.get('data-2', fetchGet(['skills'], ['_N_T_/roles/x']))).not.toBeNull()
    await b.revalidateTag('_N_T_/roles/x')
    expect(await a.get('data-2', fetchGet(['skills'], ['_N_T_/roles/x']))).toBeNull()
    expect(await a.get('data-2', fetchGet(['skills']))).not.toBeNull()
  })

  it('keeps entries per build, and tags across builds', async () => {
    const oldRelease = await instance('build-old')
    const newRelease = await instance('build-new')
    await oldRelease.set('/programs', pageValue('old html', 'programs'), {} as never)
    expect(await newRelease.get('/programs', pageGet)).toBeNull()
    expect(await oldRelease.get('/programs', pageGet)).not.toBeNull()
    await newRelease.revalidateTag('programs')
    expect(await oldRelease.get('/programs', pageGet)).toBeNull()
  })

  it('entries expire with the page lifetime, and after 7 days at the most', async () => {
    const a = await instance('build-ttl')
    const inspect = await client()
    await a.set('/short', pageValue('x', 't'), { cacheControl: { revalidate: 60, expire: 120 } } as never)
    await a.set('/long', pageValue('x', 't'), { cacheControl: { revalidate: false, expire: 31536000 } } as never)
    const short = await inspect.ttl(`${keyPrefix}build-ttl:/short`)
    const long = await inspect.ttl(`${keyPrefix}build-ttl:/long`)
    expect(short).toBeGreaterThan(100)
    expect(short).toBeLessThanOrEqual(120)
    expect(long).toBeGreaterThan(7 * 86400 - 60)
    expect(long).toBeLessThanOrEqual(7 * 86400)
  })

  it('with Redis down: reads miss, writes are dropped, nothing throws, and the outage is logged once', async () => {
    const logged: string[] = []
    const down = createRedisCacheStore({ client: connectCacheRedis('redis://127.0.0.1:1'), keyPrefix, buildId: 'b', log: (m) => logged.push(m) })
    await expect(down.set('/', pageValue('x', 'roles'), {} as never)).resolves.toBeUndefined()
    await expect(down.get('/', pageGet)).resolves.toBeNull()
    await expect(down.get('/', pageGet)).resolves.toBeNull()
    await expect(down.revalidateTag(['roles', 'skills'])).resolves.toBeUndefined()
    expect([...down.pendingTags].sort()).toEqual(['roles', 'skills'])
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/Redis cache: write failed/)
  })

  it('a tag revalidated while Redis was unreachable is recorded once it is back', async () => {
    const a = await instance()
    await a.set('/opportunities', pageValue('old', 'opportunities'), {} as never)
    // A client that is not connected yet: commands fail at once, as during an outage (the
    // first command starts the connection, and 'ready' writes the pending tags).
    const late = new Redis(redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    late.on('error', () => {})
    clients.push(late)
    const b = createRedisCacheStore({ client: late, keyPrefix, buildId: 'build-1', log: () => {} })
    await b.revalidateTag('opportunities')
    expect(b.pendingTags.has('opportunities')).toBe(true)
    expect(await a.get('/opportunities', pageGet)).not.toBeNull()

    await expect.poll(() => b.pendingTags.size, { timeout: 5_000 }).toBe(0)
    expect(await a.get('/opportunities', pageGet)).toBeNull()
  })
})
