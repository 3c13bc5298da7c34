import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describe, it, expect } from 'vitest'
import { MONOGRAM_PALETTE, initials, monogramColors, monogramLogo } from './monogram'

const PARTNERS = ['Accenture', 'EY', 'Publicis Groupe', 'KPMG', 'Google', 'Netflix', 'BCG', 'Cognizant', 'Microsoft']

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('initials', () => {
  it('gives the expected letters for the seeded partners', () => {
    expect(PARTNERS.map(initials)).toEqual(['Ac', 'EY', 'PG', 'KPMG', 'Go', 'Ne', 'BCG', 'Co', 'Mi'])
  })

  it('takes the first letters of up to three words and ignores punctuation', () => {
    expect(initials('Boston Consulting Group')).toBe('BCG')
    expect(initials('Ernst & Young')).toBe('EY')
    expect(initials('one two three four')).toBe('OTT')
    expect(initials('  ÉCOLE   normale ')).toBe('ÉN')
    expect(initials('x')).toBe('X')
    expect(initials('   ')).toBe('?')
  })
})

describe('palette', () => {
  it('has at least 9 colours, each with AA contrast for its text colour', () => {
    expect(MONOGRAM_PALETTE.length).toBeGreaterThanOrEqual(9)
    for (const { background, text } of MONOGRAM_PALETTE) {
      expect(contrast(background, text), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('picks a colour from the name deterministically', () => {
    for (const name of PARTNERS) expect(monogramColors(name)).toEqual(monogramColors(name))
  })
})

describe('monogramLogo', () => {
  it('produces a 96 px high WebP whose header matches the reported size', async () => {
    for (const name of PARTNERS) {
      const logo = await monogramLogo(name)
      expect(logo.mimeType).toBe('image/webp')
      expect(logo.bytes.subarray(0, 4).toString('ascii')).toBe('RIFF')
      expect(logo.bytes.subarray(8, 12).toString('ascii')).toBe('WEBP')
      expect(logo.bytes.readUInt32LE(4)).toBe(logo.bytes.length - 8)
      expect(logo.height).toBe(96)
      expect(logo.width).toBeGreaterThan(96 + 20)
      const meta = await sharp(logo.bytes).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.height).toBe(96)
      expect(meta.width).toBe(logo.width)
      expect(meta.hasAlpha).toBe(true)
    }
  })

  it('draws the name to the right of the tile on a transparent background', async () => {
    const logo = await monogramLogo('Publicis Groupe')
    const { data, info } = await sharp(logo.bytes).raw().toBuffer({ resolveWithObject: true })
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3]
    expect(alphaAt(48, 2)).toBe(255) // tile
    expect(alphaAt(0, 0)).toBe(0) // rounded corner
    expect(alphaAt(100, 48)).toBe(0) // gap between tile and name
    let inked = 0
    for (let y = 0; y < info.height; y++) for (let x = 116; x < info.width; x++) if (alphaAt(x, y)! > 0) inked++
    expect(inked).toBeGreaterThan(500) // real glyphs, not an empty or one-box line
  })

  it('can leave the name out', async () => {
    const logo = await monogramLogo('Google', { showName: false })
    expect([logo.width, logo.height]).toEqual([96, 96])
  })

  it('is byte-for-byte deterministic, also when rendered concurrently and in another order', async () => {
    const first = await Promise.all(PARTNERS.map((n) => monogramLogo(n)))
    const again: Buffer[] = []
    for (const name of [...PARTNERS].reverse()) again.unshift((await monogramLogo(name)).bytes)
    expect(again.map(sha256)).toEqual(first.map((l) => sha256(l.bytes)))
  })

  it('gives different bytes for different names', async () => {
    const logos = await Promise.all(PARTNERS.map((n) => monogramLogo(n)))
    expect(new Set(logos.map((l) => sha256(l.bytes))).size).toBe(PARTNERS.length)
  })

  it('rejects an empty name', async () => {
    await expect(monogramLogo('  ')).rejects.toThrow(/empty name/)
  })
})
