/**
 * The placeholders a reply template may use, and the one way they are filled from a report.
 * Written `{{reference}}` or `{{ resolution date }}` (case and inner spaces do not matter); a name
 * not listed here is refused when the template is saved, so a reply never goes out with a
 * placeholder nobody fills.
 */
export const placeholders = [
  'reference',
  'reporter',
  'program',
  'organization',
  'acknowledgment due',
  'detailed response due',
  'resolution date',
  'disclosure date',
] as const
export type Placeholder = (typeof placeholders)[number]

/** What the report offers for each placeholder; a missing one (no such clock under the policy) stays as written. */
export type PlaceholderValues = Partial<Record<Placeholder, string>>

const written = /\{\{([^{}]*)\}\}/g
const normalName = (inner: string) => inner.trim().replace(/\s+/g, ' ').toLowerCase()
const isPlaceholder = (name: string): name is Placeholder => (placeholders as readonly string[]).includes(name)

/** The placeholders written in `body` that are not known, as written (trimmed), each once. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>()
  for (const match of body.matchAll(written)) {
    const inner = match[1] ?? ''
    if (!isPlaceholder(normalName(inner))) unknown.add(inner.trim())
  }
  return [...unknown]
}

/**
 * The template's text for one report: each placeholder replaced by its value. One the report has
 * no value for is left as written, and named in `unfilled`, so the member sees what to complete.
 */
export function fillTemplate(body: string, values: PlaceholderValues): { text: string; unfilled: Placeholder[] } {
  const unfilled = new Set<Placeholder>()
  const text = body.replace(written, (whole, inner: string) => {
    const name = normalName(inner)
    if (!isPlaceholder(name)) return whole
    const value = values[name]
    if (value === undefined || value === '') {
      unfilled.add(name)
      return whole
    }
    return value
  })
  return { text, unfilled: [...unfilled] }
}
