/**
 * Generated "monogram" logos for partner companies (never trademarked artwork).
 *
 * A logo is a rounded tile in a colour picked deterministically from the name, holding the
 * initials, optionally followed by the full name in neutral dark grey on a transparent background.
 *
 * Text is rendered by sharp's own text input (Pango + FreeType) from the Inter TTF files shipped by
 * the `@expo-google-fonts/inter` package, passed as `fontfile`, so it never depends on system fonts
 * (a fresh CI machine has none; SVG <text> would then render as boxes or nothing). The tile itself
 * is a text-free SVG. The output is lossless WebP and byte-for-byte identical for the same name on
 * the same machine, which keeps the seed idempotent.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import sharp, { type OverlayOptions } from 'sharp'

export const MONOGRAM_HEIGHT = 96

/** Tile colours; `text` has WCAG AA contrast (>= 4.5:1) on `background`. */
export const MONOGRAM_PALETTE: ReadonlyArray<{ readonly background: string; readonly text: string }> = [
  { background: '#1D4ED8', text: '#FFFFFF' }, // blue
  { background: '#4338CA', text: '#FFFFFF' }, // indigo
  { background: '#6D28D9', text: '#FFFFFF' }, // violet
  { background: '#A21CAF', text: '#FFFFFF' }, // fuchsia
  { background: '#BE123C', text: '#FFFFFF' }, // rose
  { background: '#B45309', text: '#FFFFFF' }, // amber, dark
  { background: '#047857', text: '#FFFFFF' }, // emerald
  { background: '#0F766E', text: '#FFFFFF' }, // teal
  { background: '#0E7490', text: '#FFFFFF' }, // cyan
  { background: '#334155', text: '#FFFFFF' }, // slate
  { background: '#FBBF24', text: '#111827' }, // amber, light
  { background: '#A7F3D0', text: '#111827' }, // mint, light
]

/** Neutral dark grey for the company name. */
export const MONOGRAM_NAME_COLOR = '#3F3F46'

const TILE = MONOGRAM_HEIGHT
const TILE_RADIUS = 22
/** Initials must fit inside the tile with this much room on each side. */
const TILE_PADDING = 14
const GAP = 20
const RIGHT_PADDING = 4
const NAME_FONT_PX = 34
const NAME_MAX_WIDTH = 720
const MIN_FONT_PX = 12
/**
 * Rendered in front of the name (then cropped away) so that the text image always spans the same
 * ascent/descent and every name shares one baseline, with or without descenders or accents.
 */
const STRUT = '|ÅÉÇgjy'

type FontWeight = 'SemiBold' | 'Bold'
const FONT_FILES: Record<FontWeight, string> = {
  SemiBold: '600SemiBold/Inter_600SemiBold.ttf',
  Bold: '700Bold/Inter_700Bold.ttf',
}

let fontDir: string | undefined

function fontFile(weight: FontWeight): string {
  if (fontDir === undefined) {
    let pkgJson: string
    try {
      pkgJson = createRequire(import.meta.url).resolve('@expo-google-fonts/inter/package.json')
    } catch {
      pkgJson = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'inter', 'package.json')
    }
    fontDir = path.dirname(pkgJson)
  }
  const file = path.join(fontDir, FONT_FILES[weight])
  if (!existsSync(file)) {
    throw new Error(`monogram: font file not found at ${file}; run npm install (@expo-google-fonts/inter)`)
  }
  return file
}

function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ')
}

/**
 * 1-4 characters: the first letters of up to three words ("Publicis Groupe" -> "PG"); an
 * all-capitals acronym of up to four letters is kept whole ("EY", "BCG", "KPMG"); any other single
 * word gives its first two letters ("Google" -> "Go").
 */
export function initials(name: string): string {
  const words = normalizeName(name)
    .split(/[\s\-_/&+.,:;|()]+/u)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length > 0)
  const [first] = words
  if (first === undefined) return '?'
  if (words.length === 1) {
    const chars = Array.from(first)
    if (chars.length <= 4 && first === first.toUpperCase() && first !== first.toLowerCase()) return first
    const [a = '', b = ''] = chars
    return a.toUpperCase() + b.toLowerCase()
  }
  return words
    .slice(0, 3)
    .map((w) => (Array.from(w)[0] ?? '').toUpperCase())
    .join('')
}

/** Deterministic palette entry for a name. */
export function monogramColors(name: string): { background: string; text: string } {
  const digest = createHash('sha256').update(normalizeName(name), 'utf8').digest()
  const entry = MONOGRAM_PALETTE[digest.readUInt32BE(0) % MONOGRAM_PALETTE.length]
  if (entry === undefined) throw new Error('monogram: empty palette')
  return entry
}

function escapeMarkup(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

interface RenderedText {
  png: Buffer
  width: number
  height: number
}

/** One line of text cropped to its ink, at `sizePx` pixels (72 dpi, so points = pixels). */
async function renderText(text: string, color: string, weight: FontWeight, sizePx: number): Promise<RenderedText> {
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${color}">${escapeMarkup(text)}</span>`,
      font: `Inter ${weight} ${sizePx}`,
      fontfile: fontFile(weight),
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true })
  return { png: data, width: info.width, height: info.height }
}

/** Largest text at most `sizePx` whose ink fits in `maxWidth` x `maxHeight`. */
async function renderFitting(
  text: string,
  color: string,
  weight: FontWeight,
  sizePx: number,
  maxWidth: number,
  maxHeight: number,
): Promise<RenderedText> {
  for (let size = sizePx; ; size -= 2) {
    const img = await renderText(text, color, weight, size)
    if ((img.width <= maxWidth && img.height <= maxHeight) || size <= MIN_FONT_PX) return img
  }
}

/** Index (from `left`) of the first column holding any non-transparent pixel; 0 if none. */
async function firstInkedColumn(img: RenderedText, left: number, height: number): Promise<number> {
  const { data, info } = await sharp(img.png)
    .extract({ left, top: 0, width: img.width - left, height })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  for (let x = 0; x < info.width; x++) {
    for (let y = 0; y < info.height; y++) {
      if (data[(y * info.width + x) * info.channels + info.channels - 1] !== 0) return x
    }
  }
  return 0
}

/** The name with a baseline shared by all names: rendered behind STRUT, then the strut is cut off. */
async function renderName(name: string): Promise<RenderedText> {
  for (let size = NAME_FONT_PX; ; size -= 2) {
    const alone = await renderText(name, MONOGRAM_NAME_COLOR, 'SemiBold', size)
    const withStrut = await renderText(`${STRUT} ${name}`, MONOGRAM_NAME_COLOR, 'SemiBold', size)
    // The space between strut and name is several pixels wide: look for the name's first inked
    // column a few columns before where its solo width puts it, so sub-pixel shifts lose nothing.
    const height = Math.min(withStrut.height, MONOGRAM_HEIGHT)
    const slackLeft = Math.max(0, withStrut.width - alone.width - 3)
    const left = slackLeft + (await firstInkedColumn(withStrut, slackLeft, height))
    const width = withStrut.width - left
    const fits = width <= NAME_MAX_WIDTH && withStrut.height <= MONOGRAM_HEIGHT
    if (fits || size <= MIN_FONT_PX) {
      const { data, info } = await sharp(withStrut.png)
        .extract({ left, top: 0, width, height })
        .png()
        .toBuffer({ resolveWithObject: true })
      return { png: data, width: info.width, height: info.height }
    }
  }
}

function initialsFontPx(text: string): number {
  const n = Array.from(text).length
  return n <= 2 ? 42 : n === 3 ? 34 : 28
}

/**
 * A monogram logo for `name`: WebP, 96 px high, transparent background. With `showName` (the
 * default) the full name follows the tile; without it the logo is the 96 x 96 tile alone.
 */
export async function monogramLogo(
  name: string,
  options: { showName?: boolean } = {},
): Promise<{ bytes: Buffer; mimeType: 'image/webp'; width: number; height: number }> {
  const label = normalizeName(name)
  if (label.length === 0) throw new Error('monogram: empty name')
  const showName = options.showName ?? true
  const colors = monogramColors(label)

  const letters = initials(label)
  const inner = TILE - 2 * TILE_PADDING
  const mono = await renderFitting(letters, colors.text, 'Bold', initialsFontPx(letters), inner, inner)
  const title = showName ? await renderName(label) : undefined

  const width = title ? TILE + GAP + title.width + RIGHT_PADDING : TILE
  const height = MONOGRAM_HEIGHT
  const tile = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE}" height="${TILE}" viewBox="0 0 ${TILE} ${TILE}">` +
      `<rect x="0" y="0" width="${TILE}" height="${TILE}" rx="${TILE_RADIUS}" ry="${TILE_RADIUS}" fill="${colors.background}"/>` +
      `</svg>`,
  )

  const layers: OverlayOptions[] = [
    { input: tile, left: 0, top: 0 },
    {
      input: mono.png,
      left: Math.round((TILE - mono.width) / 2),
      top: Math.round((TILE - mono.height) / 2),
    },
  ]
  if (title) {
    layers.push({ input: title.png, left: TILE + GAP, top: Math.round((height - title.height) / 2) })
  }

  const bytes = await sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite(layers)
    .webp({ lossless: true, effort: 6 })
    .toBuffer()

  return { bytes, mimeType: 'image/webp', width, height }
}
