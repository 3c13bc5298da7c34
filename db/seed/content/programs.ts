import { eq, inArray, sql } from 'drizzle-orm'
import { skillSlug } from '@/lib/skills/normalize'
import type { Transaction } from '../../index'
import { opportunities, partners, programRoles, programs, programSkills, roles, skills } from '../../schema'

/**
 * SAMPLE DATA for demonstration: these programs and opportunities are invented to show how the
 * site works. They are not real courses or real vacancies; every apply link points at example.com.
 *
 * Role slugs and skill names are those of ./roles.ts (skills are matched by their normalized slug).
 */

export interface SeedProgram {
  slug: string
  title: string
  summary: string
  description: string
  format: 'course' | 'bootcamp' | 'coaching' | 'workshop'
  duration: string
  level: 'beginner' | 'intermediate' | 'advanced' | 'all_levels'
  roles: string[]
  skills: string[]
}

const sampleNote = 'Sample program for demonstration: not a real course.'

export const seedPrograms: SeedProgram[] = [
  {
    slug: 'back-end-foundations-with-python',
    title: 'Back-End Foundations with Python',
    summary: 'Build REST APIs with Python and PostgreSQL, from the first endpoint to a tested, deployable service.',
    description: `${sampleNote}\n\nA structured course for people who can already program a little and want to build the server side of web applications. You design a small REST API, store its data in PostgreSQL, write tests for it and ship it in a Docker container.\n\nEach week ends with a code review by a trainer.`,
    format: 'course',
    duration: '10 weeks, part-time',
    level: 'beginner',
    roles: ['back-end-developer', 'full-stack-developer'],
    skills: ['Python', 'PostgreSQL', 'REST APIs', 'Git', 'Docker'],
  },
  {
    slug: 'full-stack-javascript-bootcamp',
    title: 'Full-Stack JavaScript Bootcamp',
    summary: 'An intensive bootcamp: TypeScript, React and Node.js, ending with a team project you can show employers.',
    description: `${sampleNote}\n\nTwelve full-time weeks of pair programming, daily stand-ups and project work. You build the front end in React and TypeScript and the back end in Node.js, then deliver a product with a small team.\n\nCareer coaching sessions run alongside the technical curriculum.`,
    format: 'bootcamp',
    duration: '12 weeks, full-time',
    level: 'intermediate',
    roles: ['full-stack-developer', 'front-end-developer'],
    skills: ['JavaScript', 'TypeScript', 'React', 'Node.js', 'REST APIs'],
  },
  {
    slug: 'data-engineering-with-spark-and-airflow',
    title: 'Data Engineering with Spark and Airflow',
    summary: 'Design reliable batch and streaming pipelines with SQL, Apache Spark, Airflow and Kafka.',
    description: `${sampleNote}\n\nFor analysts and developers moving into data engineering. You model data in SQL, process it at scale with Apache Spark, schedule pipelines with Airflow and stream events through Apache Kafka.`,
    format: 'course',
    duration: '8 weeks, part-time',
    level: 'intermediate',
    roles: ['data-engineer'],
    skills: ['SQL', 'Python', 'Apache Spark', 'Airflow', 'Apache Kafka'],
  },
  {
    slug: 'kubernetes-and-ci-cd-workshop',
    title: 'Kubernetes and CI/CD Workshop',
    summary: 'Two hands-on days: containerize a service, deploy it on Kubernetes and automate releases with CI/CD.',
    description: `${sampleNote}\n\nA practical workshop for developers and operations engineers. Bring a laptop; you leave with a working pipeline that builds, tests and deploys a service to a Kubernetes cluster.`,
    format: 'workshop',
    duration: '2 days',
    level: 'intermediate',
    roles: ['devops-engineer', 'site-reliability-engineer'],
    skills: ['Docker', 'Kubernetes', 'CI/CD', 'Terraform', 'Linux'],
  },
  {
    slug: 'machine-learning-career-coaching',
    title: 'Machine Learning Career Coaching',
    summary: 'One-to-one coaching with a practising ML engineer: portfolio review, interview practice and a learning plan.',
    description: `${sampleNote}\n\nSix sessions with a coach who works in machine learning. Together you review your portfolio, practise technical interviews and agree a learning plan for the skills you are missing.`,
    format: 'coaching',
    duration: '6 sessions over 3 months',
    level: 'all_levels',
    roles: ['machine-learning-engineer', 'data-scientist'],
    skills: ['Machine Learning', 'Python', 'PyTorch', 'MLOps', 'Large Language Models'],
  },
  {
    slug: 'secure-coding-for-developers',
    title: 'Secure Coding for Developers',
    summary: 'Find and fix the most common vulnerabilities in web applications, and build threat modeling into your routine.',
    description: `${sampleNote}\n\nAn advanced course for working developers. You attack and then fix a deliberately vulnerable application, learn threat modeling and add security checks to a CI/CD pipeline.`,
    format: 'course',
    duration: '4 weeks, part-time',
    level: 'advanced',
    roles: ['application-security-engineer', 'back-end-developer'],
    skills: ['Secure Coding', 'Threat Modeling', 'Vulnerability Management', 'CI/CD'],
  },
]

export interface SeedOpportunity {
  title: string
  /** A partner by slug (db/seed/partners.ts), or a company typed as free text. */
  company: { partner: string } | { name: string }
  role: string
  location: string
  remote: boolean
  employmentType: 'full_time' | 'part_time' | 'contract' | 'internship' | 'temporary'
  description: string
  /** Unique per sample: the seed recognises an existing row by it. */
  applyUrl: string
}

const sampleListing = 'Sample listing for demonstration, not a real vacancy.'

export const seedOpportunities: SeedOpportunity[] = [
  {
    title: 'Back-End Developer (Python)',
    company: { partner: 'accenture' },
    role: 'back-end-developer',
    location: 'London, UK',
    remote: false,
    employmentType: 'full_time',
    description: `${sampleListing} Build and run REST APIs in Python and PostgreSQL for client projects.`,
    applyUrl: 'https://example.com/sample-jobs/back-end-developer-python',
  },
  {
    title: 'Junior Back-End Developer',
    company: { name: 'Northwind Logistics' },
    role: 'back-end-developer',
    location: '',
    remote: true,
    employmentType: 'full_time',
    description: `${sampleListing} Join a small platform team working on Node.js services and MySQL.`,
    applyUrl: 'https://example.com/sample-jobs/junior-back-end-developer',
  },
  {
    title: 'Front-End Developer (React)',
    company: { partner: 'publicis-groupe' },
    role: 'front-end-developer',
    location: 'Paris, France',
    remote: false,
    employmentType: 'contract',
    description: `${sampleListing} Six-month contract building accessible React interfaces for a retail brand.`,
    applyUrl: 'https://example.com/sample-jobs/front-end-developer-react',
  },
  {
    title: 'Data Engineer',
    company: { partner: 'kpmg' },
    role: 'data-engineer',
    location: 'Amsterdam, Netherlands',
    remote: false,
    employmentType: 'full_time',
    description: `${sampleListing} Design Spark and Airflow pipelines for audit analytics.`,
    applyUrl: 'https://example.com/sample-jobs/data-engineer',
  },
  {
    title: 'DevOps Engineer',
    company: { name: 'Contoso Health' },
    role: 'devops-engineer',
    location: 'Berlin, Germany',
    remote: true,
    employmentType: 'full_time',
    description: `${sampleListing} Own the CI/CD pipelines and Kubernetes clusters of a health-tech start-up.`,
    applyUrl: 'https://example.com/sample-jobs/devops-engineer',
  },
  {
    title: 'Machine Learning Engineering Intern',
    company: { name: 'Fabrikam Analytics' },
    role: 'machine-learning-engineer',
    location: 'Toronto, Canada',
    remote: false,
    employmentType: 'internship',
    description: `${sampleListing} A six-month internship training and deploying recommendation models.`,
    applyUrl: 'https://example.com/sample-jobs/machine-learning-engineering-intern',
  },
]

/** Days a seeded opportunity stays listed, counted from the seed run. */
export const seedOpportunityDays = 60

/**
 * Inserts the sample programs (published, linked to their roles and skills) and the sample
 * opportunities (published, expiring 60 days from now). Idempotent: programs are matched by
 * slug, opportunities by apply URL, and existing rows are never changed. Runs after roles,
 * skills and partners are seeded, in the seed's transaction.
 */
export async function seedProgramsAndOpportunities(tx: Transaction): Promise<{ programsInserted: number; opportunitiesInserted: number }> {
  const roleRows = await tx
    .select({ id: roles.id, slug: roles.slug })
    .from(roles)
    .where(inArray(roles.slug, [...new Set([...seedPrograms.flatMap((p) => p.roles), ...seedOpportunities.map((o) => o.role)])]))
  const roleId = new Map(roleRows.map((r) => [r.slug, r.id]))
  const skillRows = await tx
    .select({ id: skills.id, slug: skills.slug })
    .from(skills)
    .where(inArray(skills.slug, [...new Set(seedPrograms.flatMap((p) => p.skills.map(skillSlug)))]))
  const skillId = new Map(skillRows.map((s) => [s.slug, s.id]))

  let programsInserted = 0
  for (const program of seedPrograms) {
    const { roles: roleSlugs, skills: skillNames, ...content } = program
    const [inserted] = await tx
      .insert(programs)
      .values({ ...content, status: 'published', publishedAt: sql`now()` })
      .onConflictDoNothing({ target: programs.slug })
      .returning({ id: programs.id })
    if (!inserted) continue
    programsInserted++
    const linkedRoles = roleSlugs.map((slug) => roleId.get(slug)).filter((id): id is string => !!id)
    const linkedSkills = [...new Set(skillNames.map((name) => skillId.get(skillSlug(name))).filter((id): id is string => !!id))]
    if (linkedRoles.length) await tx.insert(programRoles).values(linkedRoles.map((id) => ({ programId: inserted.id, roleId: id })))
    if (linkedSkills.length) await tx.insert(programSkills).values(linkedSkills.map((id) => ({ programId: inserted.id, skillId: id })))
  }

  const partnerRows = await tx.select({ id: partners.id, slug: partners.slug, name: partners.name }).from(partners)
  const partnerBySlug = new Map(partnerRows.map((p) => [p.slug, p]))
  let opportunitiesInserted = 0
  for (const o of seedOpportunities) {
    const [existing] = await tx.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.applyUrl, o.applyUrl))
    if (existing) continue
    const partner = 'partner' in o.company ? partnerBySlug.get(o.company.partner) : undefined
    const companyName = 'name' in o.company ? o.company.name : (partner?.name ?? o.company.partner)
    await tx.insert(opportunities).values({
      title: o.title,
      partnerId: partner?.id ?? null,
      companyName,
      roleId: roleId.get(o.role) ?? null,
      location: o.location,
      remote: o.remote,
      employmentType: o.employmentType,
      description: o.description,
      applyUrl: o.applyUrl,
      status: 'published',
      publishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(days => ${seedOpportunityDays}::int)`,
    })
    opportunitiesInserted++
  }
  return { programsInserted, opportunitiesInserted }
}
