import { jsonLdScript } from '@/lib/roles/structured-data'

/**
 * A schema.org JSON-LD block. The data is escaped by `jsonLdScript`, so text from the database
 * (titles, descriptions) cannot close the element however it is written.
 */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />
}
