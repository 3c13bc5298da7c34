import { parseLegalText } from '@/lib/privacy/legal-text'

/** An admin-written policy, rendered as text elements only (no HTML from the settings ever reaches the page). */
export function LegalText({ text }: { text: string }) {
  return (
    <div className="max-w-3xl space-y-4 text-base leading-7 text-ink-800">
      {parseLegalText(text).map((block, i) =>
        block.kind === 'heading' ? (
          <h2 key={i} className="pt-4 text-xl font-bold tracking-tight text-ink-950">
            {block.text}
          </h2>
        ) : block.kind === 'list' ? (
          <ul key={i} className="list-disc space-y-1 pl-6">
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{block.text}</p>
        ),
      )}
    </div>
  )
}
