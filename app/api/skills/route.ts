import { suggestSkills } from '@/lib/profile/data'

/** Type-ahead over the skills table: GET /api/skills?q=py -> [{ name, slug }]. Public data. */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get('q') ?? ''
  const skills = q.trim() ? await suggestSkills(q.toWellFormed(), 8) : []
  return Response.json(skills, { headers: { 'Cache-Control': 'public, max-age=60' } })
}
