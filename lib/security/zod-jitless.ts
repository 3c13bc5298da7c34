import { z } from 'zod'

// Zod probes `new Function('')` before its first parse to decide whether to compile fast parsers.
// Under the Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as a
// violation, though zod catches it. Jitless mode skips the probe; the browser's forms are small.
// Imported for this side effect by components/forms/form-kit.tsx, which every form validating with
// zod in the browser uses, so zod loads only on pages with such a form (not in every page's bundle).
z.config({ jitless: true })
