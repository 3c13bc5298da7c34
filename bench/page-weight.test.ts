import { describe, expect, it } from 'vitest'
import { scriptSources } from './page-weight'

describe('scriptSources', () => {
  it('lists module scripts and script preloads once each, without nomodule polyfills or other preloads', () => {
    const html = [
      '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/a.js"/>',
      '<link rel="preload" as="font" href="/_next/static/media/inter.woff2"/>',
      '<link rel="stylesheet" href="/_next/static/chunks/app.css"/>',
      '<script src="/_next/static/chunks/a.js" async="" integrity="sha256-x"></script>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
      '<script type="application/ld+json">{}</script>',
      '<script>self.__next_f.push([1,""])</script>',
    ].join('')
    expect(scriptSources(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js'])
  })
})
