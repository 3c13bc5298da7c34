import { BoundaryPage } from '@/components/site/boundary-page'
import { NotFoundContent } from '@/components/site/not-found-content'

export const metadata = { title: 'Page not found' }

/** For paths outside the site layout: brings its own (small) header, main and footer. */
export default function NotFound() {
  return (
    <BoundaryPage>
      <NotFoundContent />
    </BoundaryPage>
  )
}
