/**
 * The ONE place where HTML produced outside preact enters a page. `html` must come from the
 * Markdown renderer (markdown-it with `html: false` and link filtering), never from raw input.
 */
export function Markdown({ html }: { html: string }) {
  return (
    <div
      class="prose"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: the only injection point; callers pass markdown-it output rendered with html:false and filtered links, so no attacker HTML survives
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
