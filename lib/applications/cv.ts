import 'server-only'
import { createHash } from 'node:crypto'
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFObject } from 'pdf-lib'
import { cvMessages, maxCvBytes, quickCvError } from './schema'

/**
 * The CV check: a PDF by content (the bytes start with `%PDF-`, not just the name or the type the
 * browser claims) and by structure (pdf-lib parses it, it is not encrypted), with no active or
 * embedded content: JavaScript, launch actions, embedded or attached files, rich media, XFA forms.
 * Every indirect object is inspected through pdf-lib's context (which includes objects unpacked
 * from compressed object streams), and the raw bytes are scanned for the same names as well
 * (objects pdf-lib might skip as invalid). A refused file is never stored.
 */

/** PDF names that mean scripts, actions that run programs, or files inside the file. */
const forbiddenNames = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFiles', 'EmbeddedFile', 'FileAttachment', 'RichMedia', 'XFA'])

export type CheckedCv = { bytes: Uint8Array; byteSize: number; sha256: string; fileName: string }
export type CvCheck = { ok: true; cv: CheckedCv } | { ok: false; error: string }

/** `../../Me<script>.PDF` -> `Me-script-.pdf`: a safe display and download name, always ending in .pdf. */
export function sanitizeCvFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/\.pdf$/i, '')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 100)
    .trim()
  return `${base || 'cv'}.pdf`
}

/**
 * Every PDF name token in the raw bytes outside stream data, `#xx` escapes decoded (`/J#61vaScript`
 * is `/JavaScript`). Stream data (images, fonts, compressed objects) is skipped: random binary
 * would match short names like `/JS` by chance; objects packed in object streams are checked
 * through pdf-lib's context instead.
 */
function rawNames(bytes: Uint8Array): Set<string> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/\bstream\r?\n[\s\S]*?\bendstream\b/g, 'stream endstream')
  const names = new Set<string>()
  for (const match of text.matchAll(/\/([^\s/<>[\]()%{}\u0000]+)/g)) {
    names.add(match[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
  }
  return names
}

function hasForbiddenName(object: PDFObject | undefined, seen: Set<PDFObject>): boolean {
  if (!object || seen.has(object)) return false
  seen.add(object)
  if (object instanceof PDFName) return forbiddenNames.has(object.decodeText())
  if (object instanceof PDFStream) return hasForbiddenName(object.dict, seen)
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (forbiddenNames.has(key.decodeText())) return true
      if (hasForbiddenName(value, seen)) return true
    }
    return false
  }
  if (object instanceof PDFArray) return object.asArray().some((value) => hasForbiddenName(value, seen))
  return false
}

export async function checkCvBytes(bytes: Uint8Array, name: string): Promise<CvCheck> {
  const quick = quickCvError(bytes.byteLength, bytes.subarray(0, 5))
  if (quick) return { ok: false, error: quick }
  const names = rawNames(bytes)
  for (const n of names) if (forbiddenNames.has(n)) return { ok: false, error: cvMessages.activeContent }
  if (names.has('Encrypt')) return { ok: false, error: cvMessages.encrypted }

  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false })
  } catch (error) {
    return { ok: false, error: error instanceof EncryptedPDFError ? cvMessages.encrypted : cvMessages.unreadable }
  }
  if (doc.isEncrypted) return { ok: false, error: cvMessages.encrypted }
  try {
    if (doc.getPageCount() < 1) return { ok: false, error: cvMessages.unreadable }
  } catch {
    return { ok: false, error: cvMessages.unreadable }
  }
  const seen = new Set<PDFObject>()
  if (hasForbiddenName(doc.context.trailerInfo.Root, seen)) return { ok: false, error: cvMessages.activeContent }
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (hasForbiddenName(object, seen)) return { ok: false, error: cvMessages.activeContent }
  }

  return {
    ok: true,
    cv: { bytes, byteSize: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), fileName: sanitizeCvFileName(name) },
  }
}

/** Checks an uploaded file; the size is checked before its bytes are read. */
export async function checkCv(file: File): Promise<CvCheck> {
  if (file.size === 0) return { ok: false, error: cvMessages.empty }
  if (file.size > maxCvBytes) return { ok: false, error: cvMessages.tooLarge(file.size) }
  return checkCvBytes(new Uint8Array(await file.arrayBuffer()), file.name)
}
