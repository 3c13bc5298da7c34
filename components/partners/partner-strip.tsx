import { Container } from '@/components/ui/container'
import type { PartnerLogoDto } from '@/lib/partners/data'

export function PartnerStrip({ partners, title = "We've supported professionals at some of the world's leading companies." }: { partners: PartnerLogoDto[]; title?: string }) {
  if (partners.length === 0) return null
  return (
    <section aria-labelledby="partners-heading" className="border-y border-ink-100 bg-surface-muted py-10">
      <Container>
        <h2 id="partners-heading" className="text-center text-base font-semibold text-ink-700">
          {title}
        </h2>
        <ul className="mt-6 flex flex-wrap items-center justify-center gap-x-8 gap-y-5">
          {partners.map((p, i) => (
            <li key={i}>
              {p.logo ? (
                // Already small WebP files re-encoded on upload and served with immutable caching, so
                // next/image (unoptimized here) would add only its client script to every page.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={p.logo.src} alt={p.logo.alt} width={Math.round(p.logo.width / 2)} height={Math.round(p.logo.height / 2)} loading="lazy" className="h-12 w-auto" />
              ) : (
                <span className="text-lg font-semibold text-ink-700">{p.name}</span>
              )}
            </li>
          ))}
        </ul>
      </Container>
    </section>
  )
}
