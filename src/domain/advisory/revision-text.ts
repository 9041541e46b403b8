/**
 * An advisory revision as plain lines, and the line diff of two revisions, for the revisions page
 * ("what changed"). Fields appear in a fixed order with a heading each, so a change shows under
 * the field it belongs to. Pure; the text is the team's and is shown escaped, never as HTML.
 */
import { type DiffLine, lineDiff } from '../policy/line-diff.js'
import type { AdvisoryContent } from './content.js'

const range = (r: { introduced: string; fixed?: string; lastAffected?: string }) =>
  `>= ${r.introduced}${r.fixed ? `, < ${r.fixed}` : ''}${r.lastAffected ? `, <= ${r.lastAffected}` : ''}`

/** The revision's content as text, one field after another. Identifiers and state are compared apart. */
export function revisionText(c: AdvisoryContent & { gcve?: string | undefined }): string {
  const lines: string[] = []
  const section = (name: string, body: string[]) => {
    lines.push(`## ${name}`, ...body, '')
  }
  section('Title', [c.title])
  section('Identifiers', [c.cve ? `CVE: ${c.cve}` : 'CVE: —', ...(c.gcve ? [`GCVE: ${c.gcve}`] : [])])
  section('Summary', c.summary.split('\n'))
  section('Description', c.description.split('\n'))
  section('Workarounds', c.workarounds.split('\n'))
  section(
    'Affected',
    c.affected.flatMap((p) =>
      p.ranges.map(
        (r) =>
          `${p.kind === 'package' ? `${p.ecosystem} ${p.name}${p.purl ? ` (${p.purl})` : ''}` : `${p.vendor} ${p.product}`}: ${range(r)} [${p.status}]`,
      ),
    ),
  )
  section('Weaknesses', [c.cwes.join(', ')])
  section('Severity', [
    ...(c.severity.cvss31 ? [c.severity.cvss31] : []),
    ...(c.severity.cvss40 ? [c.severity.cvss40] : []),
    ...(c.severity.qualitative ? [c.severity.qualitative] : []),
  ])
  section(
    'References',
    c.references.map((r) => `${r.kind}: ${r.url}`),
  )
  section(
    'Credits',
    c.credits.map((cr) => `${cr.name} (${cr.role})`),
  )
  return lines.join('\n')
}

/** What changed between two revisions, line by line. */
export const revisionDiff = (before: AdvisoryContent, after: AdvisoryContent): DiffLine[] =>
  lineDiff(revisionText(before), revisionText(after))

/** The names of the fields that differ, for the revision list ("what changed"). */
export function changedFields(before: AdvisoryContent | undefined, after: AdvisoryContent): string[] {
  const keys = ['title', 'cve', 'summary', 'description', 'workarounds', 'affected', 'cwes', 'severity', 'references', 'credits'] as const
  if (!before) return []
  return keys.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
}
