/**
 * How long a cached list of opportunities stays true: until the first of them expires. Pure, so
 * the rule is tested on its own (expiry.test.ts).
 */

/** Never refresh more often than this, however close the next expiry is. */
export const minLifetimeSeconds = 60
/** The longest lifetime Next.js keeps a cache entry for (one year). */
export const maxLifetimeSeconds = 31_536_000

/**
 * Seconds from `now` until the earliest `expiresAt` among the rows, at least a minute, or
 * `undefined` when none of them expires (the entry then lives until a write refreshes its tags).
 */
export function lifetimeUntilNextExpiry(rows: readonly { expiresAt: string | null }[], now: number): number | undefined {
  let earliest = Number.POSITIVE_INFINITY
  for (const row of rows) {
    if (!row.expiresAt) continue
    const at = Date.parse(row.expiresAt)
    if (Number.isFinite(at) && at < earliest) earliest = at
  }
  if (earliest === Number.POSITIVE_INFINITY) return undefined
  return Math.min(maxLifetimeSeconds, Math.max(minLifetimeSeconds, Math.ceil((earliest - now) / 1000)))
}

/** Still listed at `now`: no expiry, or one still ahead. */
export function isListed(row: { expiresAt: string | null }, now: number): boolean {
  return !row.expiresAt || Date.parse(row.expiresAt) > now
}
