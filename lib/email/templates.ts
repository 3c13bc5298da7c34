import { env } from '@/lib/env'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** One layout for every email: a heading, paragraphs, an optional button link; HTML and text. */
export function renderEmail({ heading, paragraphs, action, reason }: { heading: string; paragraphs: string[]; action?: { label: string; url: string }; reason: string }) {
  const text = [heading, '', ...paragraphs.flatMap((p) => [p, '']), ...(action ? [`${action.label}: ${action.url}`, ''] : []), '--', `SkillsU · ${env.SITE_URL}`, reason].join('\n')
  const html = `<!doctype html><html><body style="margin:0;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;padding:32px">
<tr><td><p style="margin:0 0 24px;font-weight:800;font-size:20px;color:#4338ca">SkillsU</p>
<h1 style="margin:0 0 16px;font-size:22px">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.6">${escapeHtml(p)}</p>`).join('\n')}
${action ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#4f46e5;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p><p style="font-size:13px;color:#475569;word-break:break-all">${escapeHtml(action.url)}</p>` : ''}
<p style="margin:32px 0 0;font-size:13px;color:#475569">${escapeHtml(reason)}</p></td></tr></table></td></tr></table></body></html>`
  return { text, html }
}

export const siteLink = (path: string) => new URL(path, env.SITE_URL).toString()
