import { NotFoundContent } from '@/components/site/not-found-content'

export const metadata = { title: 'Page not found' }

/** Inside the site layout, which already has the header, footer and main landmark. */
export default function SiteNotFound() {
  return <NotFoundContent />
}
