import type { RoleContent } from '@/lib/roles/schema'

/** The content of a new role before anything is typed. */
export const emptyRoleContent: RoleContent = {
  slug: '',
  title: '',
  categorySlug: '',
  summary: '',
  overview: '',
  responsibilities: [],
  qualifications: [],
  trends: [],
  skills: [],
  market: {
    growthRatePct: null,
    growthPeriodStart: null,
    growthPeriodEnd: null,
    growthDriver: '',
    entryToSeniorRatio: null,
    demandChangePct: null,
    demandChangePeriod: '',
    demandHubs: [],
  },
  salary: { currency: 'USD', region: 'United States', min: null, avg: null, max: null, maxOpenEnded: false, locationPremiums: [] },
  sources: [],
  lastReviewedAt: null,
}
