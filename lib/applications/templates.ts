/**
 * The decision emails' templates: built-in defaults that an admin can override (the
 * email_templates table, edited at /admin/applications/templates). Pure functions only, so the
 * editor's preview in the browser fills a template exactly as the server does.
 */

export const templateKeys = ['application.interview', 'application.accepted', 'application.rejected'] as const
export type TemplateKey = (typeof templateKeys)[number]

export const placeholders = ['name', 'dashboardUrl', 'reapplyDate'] as const
export type Placeholder = (typeof placeholders)[number]
export type PlaceholderValues = Record<Placeholder, string>

export interface EmailTemplateText {
  subject: string
  body: string
}

export const templateLabels: Record<TemplateKey, { title: string; when: string }> = {
  'application.interview': { title: 'Interview invitation', when: 'Sent when an application moves to interview.' },
  'application.accepted': { title: 'Accepted', when: 'Sent when an application is accepted.' },
  'application.rejected': { title: 'Not accepted', when: 'Sent when an application is not accepted.' },
}

export const defaultTemplates: Record<TemplateKey, EmailTemplateText> = {
  'application.interview': {
    subject: "Let's talk about your SkillsU trainer application",
    body: [
      'Hello {{name}},',
      'Thank you for applying to join the SkillsU trainer network. We enjoyed reading your application and would like to invite you to a short interview.',
      'We will contact you by email within a few days to find a time that suits you. You can follow your application here: {{dashboardUrl}}',
      'The SkillsU team',
    ].join('\n\n'),
  },
  'application.accepted': {
    subject: 'Welcome to the SkillsU trainer network',
    body: [
      'Hello {{name}},',
      'We are delighted to tell you that your application has been accepted. Your trainer card is now shown on the role pages that match your skills.',
      'You can see the decision and your next steps here: {{dashboardUrl}}',
      'The SkillsU team',
    ].join('\n\n'),
  },
  'application.rejected': {
    subject: 'Your SkillsU trainer application',
    body: [
      'Hello {{name}},',
      'Thank you for the time you put into your application. After careful review, we are not able to offer you a place in the trainer network at the moment.',
      'You are welcome to apply again from {{reapplyDate}}. Your application stays available here: {{dashboardUrl}}',
      'The SkillsU team',
    ].join('\n\n'),
  },
}

const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g

/** Placeholders in the text that are not ones we fill (each once, in order of appearance). */
export function unknownPlaceholders(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(placeholderPattern)) {
    if (!(placeholders as readonly string[]).includes(match[1]!)) found.add(match[1]!)
  }
  return [...found]
}

/** The text with every known placeholder replaced; values are inserted as text (escaped later, on output). */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  return text.replace(placeholderPattern, (whole, key: string) => ((placeholders as readonly string[]).includes(key) ? values[key as Placeholder] : whole))
}

/** The body as paragraphs: blank lines separate them; single line breaks are kept as spaces. */
export function bodyParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
}

/** The subject (one line) and paragraphs of a filled template. */
export function fillDecisionEmail(template: EmailTemplateText, values: PlaceholderValues): { subject: string; paragraphs: string[] } {
  return {
    subject: fillTemplate(template.subject, values).replace(/[\r\n]+/g, ' ').trim(),
    paragraphs: bodyParagraphs(fillTemplate(template.body, values)),
  }
}

/** The template for a decision; interview, accepted and rejected are the statuses that send one. */
export const decisionTemplateKey = { interview: 'application.interview', accepted: 'application.accepted', rejected: 'application.rejected' } as const satisfies Record<
  string,
  TemplateKey
>

/** Sample values for the editor's preview. */
export const previewValues: PlaceholderValues = {
  name: 'Alex Example',
  dashboardUrl: 'https://skillsu.example/dashboard/applications/…',
  reapplyDate: '1 March 2027',
}
