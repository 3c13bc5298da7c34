/**
 * `next/cache` outside a Next.js server: there is no incremental cache to keep entries in, so
 * cached functions run every time, and the tags that writes refresh are recorded for assertions.
 */
export const refreshedTags: string[] = []

export function unstable_cache<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return fn
}
export function updateTag(tag: string) {
  refreshedTags.push(tag)
}
export function revalidateTag(tag: string) {
  refreshedTags.push(tag)
}
export function revalidatePath() {}
export function unstable_noStore() {}
export function refresh() {}
