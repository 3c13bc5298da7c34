import { RootNotFoundScreen } from '@/components/site/boundary-screens'

export const metadata = { title: 'Page not found' }

/** For paths outside the site layout (a client component: see components/site/boundary-screens.tsx). */
export default function NotFound() {
  return <RootNotFoundScreen />
}
