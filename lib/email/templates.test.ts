import { describe, expect, it } from 'vitest'
import { postalAddressMarker, renderEmail, withPostalAddress } from './templates'

const hostile = 'Ada <script>alert("x")</script> & Co'

describe('renderEmail', () => {
  const body = renderEmail({
    heading: `Welcome, ${hostile}`,
    paragraphs: [`Hello ${hostile}.`, 'Second paragraph.'],
    action: { label: 'Open "it"', url: 'https://example.com/go?a=1&b="2"' },
    reason: `You get this because ${hostile} signed up.`,
    footerLink: { label: 'Unsubscribe', url: 'https://example.com/unsubscribe?id=1&token=t' },
  })

  it('escapes every value in the HTML part', () => {
    expect(body.html).not.toContain('<script>')
    expect(body.html).toContain('Welcome, Ada &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
    expect(body.html).toContain('href="https://example.com/go?a=1&amp;b=&quot;2&quot;"')
    expect(body.html).toContain('>Open &quot;it&quot;</a>')
  })

  it('keeps the text part as typed', () => {
    expect(body.text).toContain(`Welcome, ${hostile}`)
    expect(body.text).toContain(`Hello ${hostile}.`)
    expect(body.text).toContain('Open "it": https://example.com/go?a=1&b="2"')
    expect(body.text).toContain(`You get this because ${hostile} signed up.`)
  })

  it('has one layout: brand, heading, paragraphs, button, footer with the reason and a real unsubscribe link, inline CSS only', () => {
    expect(body.html).toMatch(/^<!doctype html>/)
    expect(body.html).toContain('>SkillsU</p>')
    expect(body.html).toMatch(/<h1 style="[^"]+">Welcome/)
    expect(body.html).toContain('<a href="https://example.com/unsubscribe?id=1&amp;token=t"')
    expect(body.html).toContain('>Unsubscribe</a>')
    expect(body.html).not.toMatch(/<style|<link|<script/i)
    expect(body.text).toContain('Unsubscribe: https://example.com/unsubscribe?id=1&token=t')
    expect(body.html).toContain(postalAddressMarker.html)
    expect(body.text.split('\n')).toContain(postalAddressMarker.text)
  })

  it('leaves out the button and the footer link when there are none', () => {
    const plain = renderEmail({ heading: 'Hi', paragraphs: ['One.'], reason: 'Because.' })
    expect(plain.html).not.toContain('<a href="https://example.com')
    expect(plain.text).not.toContain('Unsubscribe')
  })
})

describe('withPostalAddress', () => {
  const body = renderEmail({ heading: 'Hi', paragraphs: ['One.'], reason: 'Because.' })

  it('puts the address in: escaped with line breaks in HTML, as typed in text', () => {
    const out = withPostalAddress(body, 'SkillsU <Ltd>\n1 Main St & Co')
    expect(out.html).toContain('SkillsU &lt;Ltd&gt;<br>1 Main St &amp; Co')
    expect(out.html).not.toContain(postalAddressMarker.html)
    expect(out.text).toMatch(/Because\.\nSkillsU <Ltd>\n1 Main St & Co$/)
    expect(out.text).not.toContain(postalAddressMarker.text)
  })

  it('leaves nothing behind when there is no address', () => {
    const out = withPostalAddress(body, '  ')
    expect(out.html).not.toContain('skillsu:postal-address')
    expect(out.text).not.toContain('skillsu:postal-address')
    expect(out.text.endsWith('Because.')).toBe(true)
  })

  it('does not replace the marker text inside a paragraph', () => {
    const tricky = renderEmail({ heading: 'Hi', paragraphs: [`see ${postalAddressMarker.text} here`], reason: 'Because.' })
    expect(withPostalAddress(tricky, 'Addr').text).toContain(`see ${postalAddressMarker.text} here`)
  })
})
