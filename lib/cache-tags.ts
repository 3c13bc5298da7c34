/**
 * Every cache tag in the app, named once. Public reads are tagged with these; writes refresh
 * exactly the tags they touch (updateTag in server actions, revalidateTag elsewhere).
 */
export const tags = {
  roles: 'roles',
  role: (slug: string) => `role:${slug}`,
  categories: 'categories',
  skills: 'skills',
  partners: 'partners',
  opportunities: 'opportunities',
  programs: 'programs',
  program: (slug: string) => `program:${slug}`,
  /** Public trainer cards (role pages' "Trainers for these skills"). */
  trainers: 'trainers',
  siteSettings: 'site-settings',
  sitemap: 'sitemap',
} as const
