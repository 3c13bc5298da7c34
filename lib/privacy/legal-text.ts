/**
 * The privacy policy and terms as admins write them: plain text, where a line starting with "## "
 * is a heading, lines starting with "- " make a list, and blank lines separate paragraphs. The
 * result is data (React renders it as text), so nothing an admin types becomes markup.
 */
export type LegalBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] }

export function parseLegalText(source: string): LegalBlock[] {
  const blocks: LegalBlock[] = []
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') })
    paragraph = []
  }
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    if (!line) {
      flush()
      continue
    }
    if (line.startsWith('## ')) {
      flush()
      blocks.push({ kind: 'heading', text: line.slice(3).trim() })
    } else if (line.startsWith('- ')) {
      flush()
      const last = blocks[blocks.length - 1]
      if (last?.kind === 'list') last.items.push(line.slice(2).trim())
      else blocks.push({ kind: 'list', items: [line.slice(2).trim()] })
    } else {
      paragraph.push(line)
    }
  }
  flush()
  return blocks
}
