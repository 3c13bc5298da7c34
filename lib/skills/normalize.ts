/** The identity of a skill: "Node.js", "node js" and "NODE.JS" are one skill, `node-js`. */
export function skillSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/#/g, ' sharp ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A display name cleaned of stray whitespace; the first spelling written is the one kept. */
export function cleanSkillName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim()
}
