'use client'

import { z } from 'zod'

// Zod probes `new Function('')` before its first parse to decide whether to compile fast parsers.
// Under the Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as a
// violation, though zod catches it. Jitless mode skips the probe; the browser's forms are small.
z.config({ jitless: true })

/** Rendered once in the root layout so the setting is in every page's client bundle, before any parse. */
export function ZodJitless() {
  return null
}
