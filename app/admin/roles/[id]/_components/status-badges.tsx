import { Badge } from '@/components/ui/badge'

/** Where a role stands: draft, published (with or without unpublished changes), archived, in the trash. */
export function RoleStatusBadges({ status, hasDraft, trashed }: { status: string; hasDraft: boolean; trashed: boolean }) {
  return (
    <div className="flex flex-wrap gap-2">
      {status === 'published' && !hasDraft && <Badge variant="success">Published</Badge>}
      {status === 'published' && hasDraft && <Badge variant="brand">Published with unpublished changes</Badge>}
      {status === 'draft' && <Badge variant="neutral">Draft</Badge>}
      {status === 'archived' && <Badge variant="warning">Archived</Badge>}
      {trashed && <Badge variant="danger">In trash</Badge>}
    </div>
  )
}
