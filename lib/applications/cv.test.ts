import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { checkCv, checkCvBytes, sanitizeCvFileName } from './cv'
import { cvMessages, quickCvError } from './schema'

async function cleanPdf() {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  page.drawText('Ada Lovelace - CV', { x: 50, y: 780, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) })
  return doc
}

const bytesOf = async (doc: PDFDocument, useObjectStreams = false) => new Uint8Array(await doc.save({ useObjectStreams }))

async function withOpenActionJs(useObjectStreams = false) {
  const doc = await cleanPdf()
  const action = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("hi")') })
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action))
  return bytesOf(doc, useObjectStreams)
}

const file = (bytes: Uint8Array | string, name = 'cv.pdf', type = 'application/pdf') => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type })

describe('CV check', () => {
  it('accepts a clean PDF and gives its size, hash and a safe name', async () => {
    const bytes = await bytesOf(await cleanPdf())
    const result = await checkCv(file(bytes, 'Ada CV.pdf'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.cv.byteSize).toBe(bytes.byteLength)
    expect(result.cv.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.cv.fileName).toBe('Ada CV.pdf')
  })

  it('accepts a clean PDF saved with compressed object streams', async () => {
    expect((await checkCvBytes(await bytesOf(await cleanPdf(), true), 'cv.pdf')).ok).toBe(true)
  })

  it('refuses an empty file', async () => {
    expect(await checkCv(file(new Uint8Array(0)))).toEqual({ ok: false, error: cvMessages.empty })
  })

  it('refuses a 20 MB file before reading it', async () => {
    const big = new Uint8Array(20 * 1024 * 1024)
    big.set(new TextEncoder().encode('%PDF-1.7\n'))
    expect(await checkCv(file(big))).toEqual({ ok: false, error: cvMessages.tooLarge(big.byteLength) })
    expect(cvMessages.tooLarge(big.byteLength)).toContain('20.0 MB')
  })

  it('refuses an HTML file renamed .pdf (by content, whatever the name and type say)', async () => {
    const html = '<!doctype html><html><body><script>alert(1)</script></body></html>'
    expect(await checkCv(file(html, 'cv.pdf', 'application/pdf'))).toEqual({ ok: false, error: cvMessages.notPdf })
  })

  it('refuses a file that starts like a PDF but cannot be parsed', async () => {
    expect(await checkCv(file('%PDF-1.7\nthis is not really a pdf at all\n%%EOF'))).toEqual({ ok: false, error: cvMessages.unreadable })
  })

  it('refuses a PDF whose OpenAction runs JavaScript', async () => {
    expect(await checkCvBytes(await withOpenActionJs(), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
  })

  it('refuses JavaScript hidden in compressed object streams (found through the parsed objects)', async () => {
    const bytes = await withOpenActionJs(true)
    // The action lives inside a compressed object stream: the raw bytes do not show its names.
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/JavaScript')
    expect(await checkCvBytes(bytes, 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
  })

  it('refuses a launch action', async () => {
    const doc = await cleanPdf()
    const action = doc.context.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('calc.exe') })
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action))
    expect(await checkCvBytes(await bytesOf(doc), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
  })

  it('refuses an embedded file', async () => {
    const doc = await cleanPdf()
    await doc.attach(new TextEncoder().encode('MZ not a program'), 'payload.exe', { mimeType: 'application/octet-stream' })
    expect(await checkCvBytes(await bytesOf(doc), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
    expect(await checkCvBytes(await bytesOf(doc, true), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
  })

  it('refuses rich media and XFA forms, and names spelled with #xx escapes', async () => {
    for (const key of ['RichMedia', 'XFA']) {
      const doc = await cleanPdf()
      doc.catalog.set(PDFName.of(key), doc.context.obj({}))
      expect(await checkCvBytes(await bytesOf(doc, true), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
    }
    const plain = Buffer.from(await bytesOf(await cleanPdf())).toString('latin1')
    const escaped = plain.replace('/Type /Catalog', '/Type /Catalog /AA << /O << /S /J#61vaScript >> >>')
    expect(await checkCvBytes(new Uint8Array(Buffer.from(escaped, 'latin1')), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.activeContent })
  })

  it('refuses an encrypted PDF', async () => {
    const plain = Buffer.from(await bytesOf(await cleanPdf())).toString('latin1')
    const encrypted = plain.replace(/trailer\s*<</, (m) => `${m}\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>`)
    expect(encrypted).toContain('/Encrypt')
    expect(await checkCvBytes(new Uint8Array(Buffer.from(encrypted, 'latin1')), 'cv.pdf')).toEqual({ ok: false, error: cvMessages.encrypted })
  })

  it('checks size and signature in the browser the same way', () => {
    expect(quickCvError(0, new Uint8Array())).toBe(cvMessages.empty)
    expect(quickCvError(20 * 1024 * 1024, new TextEncoder().encode('%PDF-'))).toBe(cvMessages.tooLarge(20 * 1024 * 1024))
    expect(quickCvError(10, new TextEncoder().encode('<html'))).toBe(cvMessages.notPdf)
    expect(quickCvError(10, new TextEncoder().encode('%PDF-'))).toBeNull()
  })

  it('sanitizes the file name', () => {
    expect(sanitizeCvFileName('../../etc/passwd')).toBe('passwd.pdf')
    expect(sanitizeCvFileName('C:\\Users\\me\\My CV.PDF')).toBe('My CV.pdf')
    expect(sanitizeCvFileName('a<script>"\r\n.pdf')).toBe('a-script.pdf')
    expect(sanitizeCvFileName('')).toBe('cv.pdf')
    expect(sanitizeCvFileName(`${'x'.repeat(300)}.pdf`)).toHaveLength(104)
  })
})
