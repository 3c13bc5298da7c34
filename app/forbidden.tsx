import { ForbiddenScreen } from '@/components/site/boundary-screens'

export const metadata = { title: 'Not allowed' }

export default function Forbidden() {
  return <ForbiddenScreen />
}
