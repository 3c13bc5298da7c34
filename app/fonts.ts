import localFont from 'next/font/local'

/**
 * Inter (variable, weights 100–900), self-hosted from @fontsource-variable/inter.
 * Apply `inter.variable` to <html> so `--font-inter` is defined at :root, where the
 * Tailwind `--font-sans` token reads it.
 */
export const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  weight: '100 900',
  style: 'normal',
  variable: '--font-inter',
  display: 'swap',
})
