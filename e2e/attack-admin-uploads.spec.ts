import { createHash } from 'node:crypto'
import { deflateSync } from 'node:zlib'
import { createUserWithCookie } from './session'
import { expect, test } from './test'
import { needsDatabase, runId, withSql } from './attack-helpers'

/**
 * Hostile uploads to the partner logo field: each is refused with a message, and no partner (and
 * so no logo in `media`, written in the same transaction) is stored.
 */
test.beforeEach(() => needsDatabase())

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (bytes: Buffer) => (bytes.reduce((c, b) => crcTable[(c ^ b) & 0xff]! ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A valid, tiny PNG whose header declares width x height pixels (8-bit grey): a decompression bomb. */
function bombPng(width: number, height: number) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 0, 0, 0, 0], 8)
  // A few rows of zeros: a real bomb would compress 900 million of them into a few hundred kB.
  const idat = deflateSync(Buffer.alloc((width + 1) * 4))
  return Buffer.concat([pngSignature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))])
}

const files = [
  { label: 'an SVG with a script', file: { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>window.__xss=1</script></svg>') }, message: /Upload a PNG, JPEG or WebP image/ },
  { label: 'HTML named .png', file: { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<!doctype html><script>window.__xss=1</script>') }, message: /Upload a PNG, JPEG or WebP image/ },
  { label: 'a PNG signature followed by HTML', file: { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.concat([pngSignature, Buffer.from('<html><script>window.__xss=1</script></html>')]) }, message: /damaged or not an image/ },
  { label: 'an oversize file', file: { name: 'logo.png', mimeType: 'image/png', buffer: Buffer.concat([pngSignature, Buffer.alloc(3 * 1024 * 1024)]) }, message: /at most 2 MB/ },
  { label: 'a 30000 x 30000 pixel bomb', file: { name: 'logo.png', mimeType: 'image/png', buffer: bombPng(30_000, 30_000) }, message: /too large in pixels|damaged or not an image/ },
]

test('attack: hostile partner logos are refused with a message and nothing is stored', async ({ page }) => {
  test.setTimeout(90_000)
  const admin = await createUserWithCookie('admin')
  const at = admin.cookie.indexOf('=')
  await page.context().addCookies([{ name: admin.cookie.slice(0, at), value: admin.cookie.slice(at + 1), url: test.info().project.use.baseURL! }])

  for (const { label, file, message } of files) {
    const name = `Upload attack ${runId()}`
    await page.goto('/admin/partners/new')
    await page.getByLabel('Name').fill(name)
    await page.getByLabel('Show on the site').uncheck()
    await page.getByLabel('Logo').setInputFiles(file)
    await page.getByRole('button', { name: 'Add partner' }).click()
    await expect(page.getByText(message).first(), label).toBeVisible()
    await expect(page, label).toHaveURL(/\/admin\/partners\/new$/)
    const stored = await withSql((sql) => sql<{ id: string }[]>`select id from partners where name = ${name}`)
    expect(stored, `${label}: no partner stored`).toEqual([])
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined()
  }
  // Nor were the bytes kept as they came (stored logos are re-encoded, so their hashes differ).
  const hashes = files.map(({ file }) => createHash('sha256').update(file.buffer).digest('hex'))
  expect(await withSql((sql) => sql`select id from media where sha256 in ${sql(hashes)}`)).toHaveLength(0)
})
