import { deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { describe, expect, it, vi } from 'vitest'
import { logoMessages, maxLogoBytes, partnerFormSchema } from './schema'
import { logoHeight, logoMaxInputPixels, logoMaxWidth, processLogo, processLogoFile, sniffImageKind } from './upload'

const solid = (width: number, height: number, alpha = 1) =>
  sharp({ create: { width, height, channels: 4, background: { r: 20, g: 90, b: 200, alpha } } })

const png = (width: number, height: number) => solid(width, height, 0.5).png().toBuffer()
const jpeg = (width: number, height: number) => solid(width, height).jpeg({ quality: 85 }).toBuffer()
const webp = (width: number, height: number) => solid(width, height).webp().toBuffer()

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes: Buffer) {
  let c = 0xffffffff
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function pngChunk(type: string, data: Buffer) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid black 1-bit PNG of width x height. The pixel data is all zeros, so deflate shrinks it
 * about a thousand times: a 30,000 x 30,000 image (900 megapixels) fits in ~110 KB, a
 * decompression bomb well under the size limit. (sharp's `create` + `png()` takes ~20 s for this
 * size and writes 2.7 MB, which the size check would refuse before the pixel check is reached.)
 */
function bombPng(width: number, height: number) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([1, 0, 0, 0, 0], 8) // bit depth 1, greyscale, deflate, no filter, no interlace
  const rowBytes = 1 + Math.ceil(width / 8)
  const pixels = deflateSync(Buffer.alloc(rowBytes * height), { level: 9 })
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

async function expectWebp(result: Awaited<ReturnType<typeof processLogo>>, width: number, height: number) {
  expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true)
  if (!result.ok) return
  const { logo } = result
  expect(sniffImageKind(logo.bytes)).toBe('webp')
  const meta = await sharp(logo.bytes).metadata()
  expect(meta.format).toBe('webp')
  expect([meta.width, meta.height]).toEqual([width, height])
  expect(logo).toMatchObject({ mimeType: 'image/webp', width, height, byteSize: logo.bytes.byteLength })
  expect(logo.sha256).toMatch(/^[0-9a-f]{64}$/)
}

describe('sniffImageKind', () => {
  it('reads the magic bytes, not the name', async () => {
    expect(sniffImageKind(await png(4, 4))).toBe('png')
    expect(sniffImageKind(await jpeg(4, 4))).toBe('jpeg')
    expect(sniffImageKind(await webp(4, 4))).toBe('webp')
    expect(sniffImageKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffImageKind(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull()
    expect(sniffImageKind(Buffer.from('GIF89a'))).toBeNull()
    expect(sniffImageKind(new Uint8Array())).toBeNull()
  })
})

describe('processLogo', () => {
  it('accepts a PNG and re-encodes it to WebP 96 px high, keeping the aspect ratio', async () => {
    await expectWebp(await processLogo(await png(300, 150)), 192, logoHeight)
  })

  it('accepts a JPEG', async () => {
    await expectWebp(await processLogo(await jpeg(640, 480)), 128, logoHeight)
  })

  it('accepts a WebP', async () => {
    await expectWebp(await processLogo(await webp(200, 100)), 192, logoHeight)
  })

  it('enlarges a small logo to the fixed height', async () => {
    await expectWebp(await processLogo(await png(40, 20)), 192, logoHeight)
  })

  it('caps a very wide logo at the maximum width', async () => {
    await expectWebp(await processLogo(await png(2000, 100)), logoMaxWidth, 24)
  })

  it('drops the metadata the uploader put in the file', async () => {
    const withExif = await solid(200, 100).jpeg().withExif({ IFD0: { Copyright: 'tracking-id-123', ImageDescription: 'secret' } }).toBuffer()
    expect((await sharp(withExif).metadata()).exif).toBeDefined()
    const result = await processLogo(withExif)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect((await sharp(result.logo.bytes).metadata()).exif).toBeUndefined()
      expect(result.logo.bytes.includes('tracking-id-123')).toBe(false)
    }
  })

  it('refuses an SVG, even one that would run a script', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>')
    expect(await processLogo(svg)).toEqual({ ok: false, error: logoMessages.type })
    const file = new File([svg], 'logo.svg', { type: 'image/svg+xml' })
    expect(await processLogoFile(file)).toEqual({ ok: false, error: 'Upload a PNG, JPEG or WebP image' })
  })

  it('refuses an HTML file renamed .png with a PNG content type', async () => {
    const file = new File(['<!doctype html><html><body><script>alert(1)</script></body></html>'], 'logo.png', { type: 'image/png' })
    expect(await processLogoFile(file)).toEqual({ ok: false, error: 'Upload a PNG, JPEG or WebP image' })
  })

  it('refuses a 20 MB upload by its size, before reading or decoding it', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024)
    big.set(await png(4, 4)) // a real PNG start: only the size can refuse it
    expect(await processLogo(big)).toEqual({ ok: false, error: 'The image must be at most 2 MB' })
    const file = new File([big], 'huge.png', { type: 'image/png' })
    const read = vi.spyOn(file, 'arrayBuffer')
    expect(await processLogoFile(file)).toEqual({ ok: false, error: logoMessages.size })
    expect(read).not.toHaveBeenCalled()
    // Just over the limit is refused too; exactly at it is not refused for size.
    expect(await processLogo(Buffer.alloc(maxLogoBytes + 1))).toEqual({ ok: false, error: logoMessages.size })
    expect(await processLogo(Buffer.alloc(maxLogoBytes))).not.toEqual({ ok: false, error: logoMessages.size })
  })

  it('refuses a 30,000 x 30,000 PNG (a decompression bomb) from its header', async () => {
    const bomb = bombPng(30_000, 30_000)
    expect(bomb.byteLength).toBeLessThan(maxLogoBytes)
    // It is a genuine image: sharp reads its size when no pixel limit applies.
    const meta = await sharp(bomb, { limitInputPixels: false }).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 30_000, 30_000])
    const started = Date.now()
    expect(await processLogo(bomb)).toEqual({ ok: false, error: 'This image is too large in pixels' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('accepts an image just under the pixel limit and refuses one just over it', async () => {
    const side = Math.floor(Math.sqrt(logoMaxInputPixels))
    expect((await processLogo(bombPng(side, side))).ok).toBe(true)
    expect(await processLogo(bombPng(side + 1, side + 1))).toEqual({ ok: false, error: logoMessages.pixels })
  })

  it('refuses a truncated JPEG', async () => {
    const full = await jpeg(400, 300)
    const half = full.subarray(0, Math.floor(full.byteLength / 2))
    expect(sniffImageKind(half)).toBe('jpeg')
    expect(await processLogo(half)).toEqual({ ok: false, error: 'This file is damaged or not an image' })
  })

  it('refuses a PNG signature followed by something else', async () => {
    const fake = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png at all')])
    expect(await processLogo(fake)).toEqual({ ok: false, error: logoMessages.damaged })
    const jpegInside = Buffer.concat([Buffer.from('RIFF\0\0\0\0WEBP'), await jpeg(10, 10)])
    expect(await processLogo(jpegInside)).toEqual({ ok: false, error: logoMessages.damaged })
  })

  it('refuses an empty file', async () => {
    expect(await processLogo(new Uint8Array())).toEqual({ ok: false, error: logoMessages.damaged })
  })
})

describe('partnerFormSchema', () => {
  const base = { name: 'Acme', websiteUrl: 'https://acme.example.com', visible: true }

  it('accepts https addresses only', () => {
    expect(partnerFormSchema.safeParse(base).success).toBe(true)
    expect(partnerFormSchema.safeParse({ ...base, websiteUrl: '' }).success).toBe(true)
    for (const bad of ['http://acme.example.com', 'javascript:alert(1)', 'acme.example.com', 'https://localhost', 'https://user:pw@acme.example.com', 'ftp://x.example']) {
      const parsed = partnerFormSchema.safeParse({ ...base, websiteUrl: bad })
      expect(parsed.success, bad).toBe(false)
      expect(parsed.error?.issues[0]?.path).toEqual(['websiteUrl'])
    }
  })

  it('reads checkboxes from booleans and from FormData strings', () => {
    expect(partnerFormSchema.parse({ ...base, visible: 'true' }).visible).toBe(true)
    expect(partnerFormSchema.parse({ ...base, visible: 'on' }).visible).toBe(true)
    expect(partnerFormSchema.parse({ ...base, visible: '' }).visible).toBe(false)
    expect(partnerFormSchema.parse({ name: 'Acme' })).toEqual({ name: 'Acme', websiteUrl: '', visible: false, logo: undefined })
  })

  it('needs a name and drops unknown fields', () => {
    const parsed = partnerFormSchema.safeParse({ ...base, name: '   ' })
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['name', 'Enter the partner name']])
    expect(partnerFormSchema.parse({ ...base, displayOrder: 99, deletedAt: null })).not.toHaveProperty('displayOrder')
  })

  it('treats an empty file input as no logo and refuses a file over 2 MB before upload', () => {
    expect(partnerFormSchema.parse({ ...base, logo: new File([], '') }).logo).toBeUndefined()
    const big = partnerFormSchema.safeParse({ ...base, logo: new File([new Uint8Array(maxLogoBytes + 1)], 'big.png') })
    expect(big.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['logo', logoMessages.size]])
    const notAFile = partnerFormSchema.safeParse({ ...base, logo: 'C:\\fakepath\\logo.png' })
    expect(notAFile.error?.issues[0]?.message).toBe(logoMessages.type)
  })
})
