import { env } from '@/lib/env'

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/**
 * Where the postal address goes. renderEmail is synchronous and called inside many transactions,
 * so it cannot read the site settings; the sender (and the admin preview) puts the address that is
 * current at send time in its place. The HTML marker is a comment no escaped value can produce.
 */
export const postalAddressMarker = { html: '<!--skillsu:postal-address-->', text: '[[skillsu:postal-address]]' } as const

const colors = { page: '#f8fafc', card: '#ffffff', ink: '#0f172a', muted: '#475569', brand: '#4338ca', button: '#4f46e5', rule: '#e2e8f0' }

export interface EmailContent {
  heading: string
  paragraphs: string[]
  /** The one button, e.g. "Confirm my email"; its address is printed under it too. */
  action?: { label: string; url: string }
  /** Why the person gets this email, in the footer. */
  reason: string
  /** A link in the footer, e.g. unsubscribe. */
  footerLink?: { label: string; url: string }
}

/** One layout for every email: brand, heading, paragraphs, optional button, footer; HTML and text. Inline CSS only. */
export function renderEmail({ heading, paragraphs, action, reason, footerLink }: EmailContent) {
  const text = [
    heading,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    '--',
    `SkillsU · ${env.SITE_URL}`,
    reason,
    ...(footerLink ? [`${footerLink.label}: ${footerLink.url}`] : []),
    postalAddressMarker.text,
  ].join('\n')
  const small = `margin:0 0 8px;font-size:13px;line-height:1.5;color:${colors.muted}`
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(heading)}</title></head>
<body style="margin:0;padding:0;background:${colors.page};font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:${colors.ink}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${colors.page}"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:${colors.card};border-radius:12px">
<tr><td style="padding:32px">
<p style="margin:0 0 24px;font-weight:800;font-size:20px;color:${colors.brand}">SkillsU</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${colors.ink}">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.6">${escapeHtml(p)}</p>`).join('\n')}
${
  action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:${colors.button};color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="${small};word-break:break-all">${escapeHtml(action.url)}</p>`
    : ''
}
<hr style="margin:32px 0 16px;border:0;border-top:1px solid ${colors.rule}">
<p style="${small}">${escapeHtml(reason)}</p>
${footerLink ? `<p style="${small}"><a href="${escapeHtml(footerLink.url)}" style="color:${colors.muted};text-decoration:underline">${escapeHtml(footerLink.label)}</a></p>` : ''}
<p style="${small}">SkillsU · <a href="${escapeHtml(env.SITE_URL)}" style="color:${colors.muted}">${escapeHtml(new URL(env.SITE_URL).host)}</a></p>
${postalAddressMarker.html}
</td></tr></table></td></tr></table></body></html>`
  return { text, html }
}

/**
 * Puts the current postal address where the layout left its marker: escaped in the HTML part,
 * as typed in the text part; an empty address leaves nothing behind.
 */
export function withPostalAddress(body: { text: string; html: string }, postalAddress: string) {
  const address = postalAddress.trim()
  const html = address
    ? `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:${colors.muted}">${escapeHtml(address).replace(/\r?\n/g, '<br>')}</p>`
    : ''
  return {
    html: body.html.split(postalAddressMarker.html).join(html),
    text: body.text
      .split('\n')
      .flatMap((line) => (line === postalAddressMarker.text ? (address ? address.split(/\r?\n/) : []) : [line]))
      .join('\n'),
  }
}

export const siteLink = (path: string) => new URL(path, env.SITE_URL).toString()
