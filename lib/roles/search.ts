/**
 * Turns what a visitor typed into the parts of a safe PostgreSQL full-text query.
 *
 * The text itself goes to `websearch_to_tsquery`, which accepts any input ("quotes", OR, -minus,
 * stray operators) without raising. For search-as-you-type we also build a prefix query
 * (`micro:* & serv:*`) from plain word tokens only, so "micro" finds "microservices"; because
 * those tokens hold nothing but letters and digits, `to_tsquery` can never see broken syntax.
 */
export const maxSearchLength = 200
const maxTerms = 8
const maxTermLength = 40

export interface RoleSearchTerms {
  /** Cleaned text for websearch_to_tsquery; '' when there is nothing to search. */
  text: string
  /** to_tsquery text: every term as a prefix, all required. '' when there are no terms. */
  allPrefixes: string
  /** to_tsquery text: any term as a prefix, for "closest roles" suggestions. */
  anyPrefix: string
}

export function normalizeSearchText(input: string): string {
  return input
    .toWellFormed() // a lone surrogate becomes U+FFFD instead of an encoding error
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxSearchLength)
}

export function searchTerms(input: string): RoleSearchTerms {
  const text = normalizeSearchText(input)
  // Excluded words (-word) and the `or` operator are websearch syntax, not terms to look for.
  const positive = text.toLowerCase().replace(/(^|\s)-\S*/g, ' ').replace(/(^|\s)or(?=\s|$)/g, ' ')
  const terms = [
    ...new Set(
      (positive.match(/[\p{L}\p{N}]+/gu) ?? [])
        .map((t) => t.slice(0, maxTermLength))
        // Skip single letters: "c:*" would match half the catalogue.
        .filter((t) => t.length > 1 || /\p{N}/u.test(t)),
    ),
  ].slice(0, maxTerms)
  const prefixes = terms.map((t) => `${t}:*`)
  const either = /(^|\s)or(\s|$)/i.test(text)
  return { text, allPrefixes: prefixes.join(either ? ' | ' : ' & '), anyPrefix: prefixes.join(' | ') }
}
