/**
 * A small DKIM verifier for the sender's tests (test-only: imported by *.test.ts files): relaxed/
 * relaxed canonicalisation (RFC 6376 3.4.2, 3.4.4), the body hash, then the RSA-SHA256 signature
 * over the signed headers, checked with the public key the test holds (no DNS).
 */
import { createHash, createVerify, type KeyObject } from 'node:crypto'

export interface DkimCheck {
  tags: Record<string, string>
  bodyHashOk: boolean
  signatureOk: boolean
}

/** The raw header fields in order, each with its continuation lines. */
function headerFields(head: string): { name: string; raw: string }[] {
  const fields: { name: string; raw: string }[] = []
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length) fields[fields.length - 1]!.raw += `\r\n${line}`
    else if (line) fields.push({ name: line.slice(0, line.indexOf(':')).trim().toLowerCase(), raw: line })
  }
  return fields
}

function relaxedHeader(raw: string): string {
  const i = raw.indexOf(':')
  const name = raw.slice(0, i).trim().toLowerCase()
  const value = raw
    .slice(i + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim()
  return `${name}:${value}`
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''))
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  return lines.length ? `${lines.join('\r\n')}\r\n` : ''
}

export function verifyDkim(rawMessage: string, publicKey: KeyObject | string): DkimCheck {
  const at = rawMessage.indexOf('\r\n\r\n')
  const fields = headerFields(rawMessage.slice(0, at))
  const body = rawMessage.slice(at + 4)
  const signature = fields.find((f) => f.name === 'dkim-signature')
  if (!signature) throw new Error('no DKIM-Signature header')
  const tagText = signature.raw.slice(signature.raw.indexOf(':') + 1).replace(/\s+/g, '')
  const tags = Object.fromEntries(
    tagText
      .split(';')
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)]),
  )
  if (tags.c !== 'relaxed/relaxed' || tags.a !== 'rsa-sha256') throw new Error(`unsupported DKIM c=${tags.c} a=${tags.a}`)
  const bodyHashOk = createHash('sha256').update(relaxedBody(body)).digest('base64') === tags.bh

  // Signed headers: for a name listed twice, the next instance from the bottom (RFC 6376 5.4.2).
  const used = new Map<string, number>()
  const signed: string[] = []
  for (const name of (tags.h ?? '').toLowerCase().split(':')) {
    const instances = fields.filter((f) => f.name === name && f !== signature)
    const n = used.get(name) ?? 0
    used.set(name, n + 1)
    const field = instances[instances.length - 1 - n]
    if (field) signed.push(`${relaxedHeader(field.raw)}\r\n`)
  }
  // The signature header itself, with b= emptied and no trailing CRLF.
  const ownHeader = relaxedHeader(signature.raw).replace(/(;\s*b=)[^;]*/, '$1')
  const verifier = createVerify('RSA-SHA256')
  verifier.update(signed.join('') + ownHeader)
  const signatureOk = verifier.verify(publicKey, Buffer.from(tags.b ?? '', 'base64'))
  return { tags, bodyHashOk, signatureOk }
}
