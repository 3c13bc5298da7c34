import Link from 'next/link'
import { buttonVariants } from '@/components/ui/button'

/** An unknown or deleted role, inside the admin layout. */
export default function RoleNotFound() {
  return (
    <div className="rounded-2xl border border-ink-200 bg-white p-6">
      <h1 className="text-2xl font-bold text-ink-950">Role not found</h1>
      <p className="mt-2 text-ink-700">It may have been deleted for good, or the address is wrong.</p>
      <Link href="/admin/roles" className={buttonVariants({ variant: 'outline', size: 'sm', className: 'mt-4' })}>
        Back to roles
      </Link>
    </div>
  )
}
