import 'server-only'
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { logoMessages, maxLogoBytes } from './schema'

/** Every logo is stored at this height (wider ones are capped at `logoMaxWidth` and end up lower). */
export const logoHeight = 96
export const logoMaxWidth = 480
/** Decoding stops at the header beyond this many pixels: a small file can hold a huge image. */
export const logoMaxInputPixels = 40_000_000

export type ImageKind = 'png' | 'jpeg' | 'webp'

export interface ProcessedLogo {
  bytes: Buffer
  mimeType: 'image/webp'
  byteSize: number
  width: number
  height: number
  sha256: string
}

export type LogoResult = { ok: true; logo: ProcessedLogo } | { ok: false; error: string }

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** The image type the content says it is (its magic bytes), whatever its name or declared type. */
export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  return null
}

/**
 * Checks an uploaded logo by its content and re-encodes it: only the decoded pixels survive, as a
 * WebP `logoHeight` pixels high, so nothing the uploader put in the file (scripts, metadata,
 * trailing data) is ever served.
 */
export async function processLogo(input: Uint8Array): Promise<LogoResult> {
  if (input.byteLength > maxLogoBytes) return { ok: false, error: logoMessages.size }
  if (input.byteLength === 0) return { ok: false, error: logoMessages.damaged }
  const kind = sniffImageKind(input)
  if (!kind) return { ok: false, error: logoMessages.type }

  // `failOn: 'error'` refuses truncated and corrupt data instead of decoding what is there;
  // `limitInputPixels` refuses from the header, before any pixel is decoded.
  const options = { failOn: 'error', limitInputPixels: logoMaxInputPixels } as const
  try {
    const meta = await sharp(input, options).metadata()
    if (meta.format !== kind) return { ok: false, error: logoMessages.damaged }
    const { data, info } = await sharp(input, options)
      .rotate() // applies the EXIF orientation, then drops it with the rest of the metadata
      .resize({ width: logoMaxWidth, height: logoHeight, fit: 'inside' })
      .webp({ quality: 90, alphaQuality: 100, effort: 4 })
      .toBuffer({ resolveWithObject: true })
    return {
      ok: true,
      logo: {
        bytes: data,
        mimeType: 'image/webp',
        byteSize: data.byteLength,
        width: info.width,
        height: info.height,
        sha256: createHash('sha256').update(data).digest('hex'),
      },
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : ''
    return { ok: false, error: /pixel limit/i.test(message) ? logoMessages.pixels : logoMessages.damaged }
  }
}

/** The same for an uploaded File; the size is checked before its bytes are read. */
export async function processLogoFile(file: Blob): Promise<LogoResult> {
  if (file.size > maxLogoBytes) return { ok: false, error: logoMessages.size }
  return processLogo(new Uint8Array(await file.arrayBuffer()))
}
