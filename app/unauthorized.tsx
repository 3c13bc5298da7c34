import { UnauthorizedScreen } from '@/components/site/boundary-screens'

export const metadata = { title: 'Please sign in' }

export default function Unauthorized() {
  return <UnauthorizedScreen />
}
