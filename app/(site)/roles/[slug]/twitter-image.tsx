// The Twitter card uses the Open Graph image: same drawing, size and alt text.
export { default, alt, size, contentType } from './opengraph-image'

// Segment config is read from this file's own source (Next ignores a re-exported `dynamic`), so it
// is repeated here: rendered on request, never prerendered by `next build`.
export const dynamic = 'force-dynamic'
