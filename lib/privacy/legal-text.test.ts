import { describe, expect, it } from 'vitest'
import { siteSettingsDefaults, siteSettingsSchema } from '@/lib/site-settings/schema'
import { parseLegalText } from './legal-text'

describe('parseLegalText', () => {
  it('makes headings, lists and paragraphs; keeps markup as plain text', () => {
    expect(parseLegalText('Intro line one\nline two\n\n## What we keep\n- Your <b>name</b>\n- Your email\nAfter the list.\r\n\n<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', text: 'Intro line one line two' },
      { kind: 'heading', text: 'What we keep' },
      { kind: 'list', items: ['Your <b>name</b>', 'Your email'] },
      { kind: 'paragraph', text: 'After the list.' },
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ])
  })

  it('the seeded texts are valid settings and have headings', () => {
    expect(siteSettingsSchema.safeParse(siteSettingsDefaults).success).toBe(true)
    for (const text of [siteSettingsDefaults.privacyPolicy, siteSettingsDefaults.terms]) {
      expect(parseLegalText(text).filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(3)
    }
    expect(siteSettingsDefaults.privacyPolicy).toContain('30 days')
  })
})
