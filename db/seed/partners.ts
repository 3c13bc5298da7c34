/** The companies named on the original page; logos are generated monograms, never trademarked files. */
export const seedPartners = [
  { slug: 'accenture', name: 'Accenture', websiteUrl: 'https://www.accenture.com' },
  { slug: 'ey', name: 'EY', websiteUrl: 'https://www.ey.com' },
  { slug: 'publicis-groupe', name: 'Publicis Groupe', websiteUrl: 'https://www.publicisgroupe.com' },
  { slug: 'kpmg', name: 'KPMG', websiteUrl: 'https://kpmg.com' },
  { slug: 'google', name: 'Google', websiteUrl: 'https://about.google' },
  { slug: 'netflix', name: 'Netflix', websiteUrl: 'https://about.netflix.com' },
  { slug: 'bcg', name: 'BCG', websiteUrl: 'https://www.bcg.com' },
  { slug: 'cognizant', name: 'Cognizant', websiteUrl: 'https://www.cognizant.com' },
  { slug: 'microsoft', name: 'Microsoft', websiteUrl: 'https://www.microsoft.com' },
] as const
