/**
 * HTML-only mail as text a person can read in the thread. The HTML itself is never rendered: it is
 * turned into plain text by `html-to-text` (a real HTML parser, no hand-written tag stripping),
 * links keep their address as visible text, images and anything that would load or run something
 * are dropped. The text then goes through the Markdown component like every other message.
 */
import { convert } from 'html-to-text'

/** Characters of HTML converted at most (a 30 MB mail of markup must not stall ingestion). */
const maxInput = 2_000_000

export function htmlToPlainText(html: string): string {
  return convert(html, {
    wordwrap: false,
    limits: { maxInputLength: maxInput },
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
    ],
  })
}
