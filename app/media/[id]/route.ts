import { getPublicImage } from '@/lib/media/data'

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const image = await getPublicImage(id)
  if (!image) return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } })
  return new Response(Buffer.from(image.bytes), {
    headers: {
      'Content-Type': image.mimeType,
      'Content-Length': String(image.bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      // A new file gets a new id, so a URL's bytes never change.
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${image.sha256}"`,
    },
  })
}
