/**
 * What a person is shown when they opt in to (or out of) email, one constant per form. The form
 * displays the constant and the server stores the same constant with the record: the wording in a
 * consent record never comes from the browser. Plain data only, so client forms can import it.
 */
export const consentPurposes = ['newsletter', 'alerts', 'terms'] as const
export type ConsentPurpose = (typeof consentPurposes)[number]

/** The line under every public form (components/legal/form-legal-note.tsx renders it with its two links). */
export const legalNoteWording = 'By submitting you agree to our terms; see our privacy policy.'

const newsletterOptIn = 'Send me the SkillsU newsletter by email. I can unsubscribe at any time with the link in every email.'

export const consentSources = {
  'footer-newsletter': { purpose: 'newsletter', granted: true, wording: newsletterOptIn },
  'home-newsletter': { purpose: 'newsletter', granted: true, wording: newsletterOptIn },
  'newsletter-unsubscribe': { purpose: 'newsletter', granted: false, wording: 'Unsubscribe me from the SkillsU newsletter.' },
  'signup-alerts': {
    purpose: 'alerts',
    granted: true,
    wording: 'We will email you new opportunities that match your profile once a week. Change how often, or turn them off, at any time in your dashboard.',
  },
  'signup-terms': { purpose: 'terms', granted: true, wording: legalNoteWording },
  'dashboard-alerts': { purpose: 'alerts', granted: true, wording: 'Email me new opportunities that match my profile, as often as I choose here.' },
  'dashboard-alerts-off': { purpose: 'alerts', granted: false, wording: 'Never email me new opportunities (alerts off).' },
  'alerts-unsubscribe': { purpose: 'alerts', granted: false, wording: 'Turn off opportunity alerts (from the link in an alert email).' },
} as const satisfies Record<string, { purpose: ConsentPurpose; granted: boolean; wording: string }>

export type ConsentSource = keyof typeof consentSources

/** The opt-in wording a form shows, the same text its record stores. */
export const consentWording = (source: ConsentSource): string => consentSources[source].wording
