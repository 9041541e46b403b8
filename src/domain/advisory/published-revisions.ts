/**
 * The published revisions of an advisory, as a CSAF document's revision history lists them: the
 * first publication, every change made while it was public (each a new public record), and the
 * withdrawal. Read from the advisory's revision log (who, when, which action, which fields —
 * never the sealed text); numbered 1, 2, 3… in order. Pure.
 */
import type { PublishedRevision } from './advisory.js'

/** One entry of the revision log, as the advisory repository lists it. */
export interface RevisionLogEntry {
  action: string
  state: string
  changed: readonly string[]
  at: string
}

const fieldNames: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  description: 'description',
  workarounds: 'workarounds',
  affected: 'affected products',
  cwes: 'weaknesses',
  severity: 'severity',
  references: 'references',
  credits: 'credits',
  cve: 'CVE id',
  gcve: 'GCVE id',
}

/** Every revision the public saw, oldest first; `withdrawnReason` is the public record's. */
export function publishedRevisions(log: readonly RevisionLogEntry[], withdrawnReason?: string): PublishedRevision[] {
  const out: PublishedRevision[] = []
  for (const entry of log) {
    if (entry.state !== 'published' && entry.state !== 'withdrawn') continue
    const number = out.length + 1
    if (out.length === 0) out.push({ number, date: entry.at, summary: 'Initial public release.' })
    else if (entry.state === 'withdrawn')
      out.push({ number, date: entry.at, summary: withdrawnReason ? `Withdrawn: ${withdrawnReason}` : 'Withdrawn.' })
    else {
      const fields = entry.changed.map((f) => fieldNames[f] ?? f)
      out.push({ number, date: entry.at, summary: fields.length > 0 ? `Updated: ${fields.join(', ')}.` : 'Updated.' })
    }
  }
  return out
}
