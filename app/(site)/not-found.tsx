import { NotFoundScreen } from '@/components/site/boundary-screens'

export const metadata = { title: 'Page not found' }

/** Inside the site layout, which already has the header, footer and main landmark. */
export default function SiteNotFound() {
  return <NotFoundScreen />
}
