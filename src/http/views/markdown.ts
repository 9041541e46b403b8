import MarkdownIt from 'markdown-it'

/**
 * Renders text written by strangers (reports, replies) as Markdown, safely (ASVS v5.0.0-1.3.5):
 * raw HTML is never passed through (`html: false`), links may only be http(s) or mailto, and
 * images become plain links so that opening a report never loads anything from the outside
 * (a tracking pixel would tell an attacker who reads their report, and when).
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true })

const safeScheme = /^(https?:|mailto:)/i

md.validateLink = (url: string): boolean => {
  const normalized = url.trim().toLowerCase()
  // Relative links and fragments are harmless; anything with a scheme must be on the list.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(normalized)) return !normalized.startsWith('//')
  return safeScheme.test(normalized)
}

md.renderer.rules.image = (tokens, idx, _options, _env, self) => {
  const token = tokens[idx]
  if (!token) return ''
  const src = String(token.attrGet('src') ?? '')
  const alt = String(self.renderInlineAsText(token.children ?? [], _options, _env)) || src
  return `<a href="${md.utils.escapeHtml(src)}" rel="nofollow noopener noreferrer">[image: ${md.utils.escapeHtml(alt)}]</a>`
}

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'nofollow noopener noreferrer')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

// A code block scrolls sideways inside its box rather than widening the page; keyboard users reach
// that scrolling only if the block can take focus (axe-core: scrollable-region-focusable).
for (const rule of ['fence', 'code_block'] as const) {
  const original = md.renderer.rules[rule]
  if (!original) continue
  md.renderer.rules[rule] = (tokens, idx, options, env, self) =>
    original(tokens, idx, options, env, self).replace(/^<pre>/, '<pre tabindex="0">')
}

/** Markdown → HTML that contains no script, no event handler and no dangerous URL. */
export const renderMarkdown = (source: string): string => md.render(source)
