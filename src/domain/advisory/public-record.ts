/**
 * The public record of an advisory (advisory.ts) at publication, at each published update and at
 * withdrawal: what the public pages and every export are made from. Pure.
 */
import type { Advisory, AdvisoryState, Credit, PublishedAdvisory } from './advisory.js'
import type { AdvisoryContent } from './content.js'

export interface RecordInput {
  id: string
  ownId: string
  state: AdvisoryState
  revision: number
  content: AdvisoryContent
  gcve: string | null
  createdAt: string
  updatedAt: string
  publishedAt: string
  withdrawnAt: string | null
  withdrawnReason: string | null
  /**
   * The credit lines of the linked reports' reporters (and of the people the team credited on
   * them) that the policy's consent rule lets be public (credit-consent.ts); listed before the
   * credits written on the advisory itself, each name-and-role once.
   */
  reportCredits?: readonly Credit[]
}

function mergeCredits(first: readonly Credit[], then: readonly Credit[]): Credit[] {
  const seen = new Set<string>()
  return [...first, ...then].filter((c) => {
    const key = JSON.stringify([c.name, c.role])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The public record of an advisory at publication (or withdrawal). */
export function publicRecord(a: RecordInput): PublishedAdvisory {
  const { content } = a
  const record: Advisory = {
    id: a.id,
    identifiers: { own: a.ownId, ...(content.cve ? { cve: content.cve } : {}), ...(a.gcve ? { gcve: a.gcve } : {}) },
    state: a.state,
    title: content.title,
    summary: content.summary,
    description: content.description,
    workarounds: content.workarounds,
    affected: content.affected,
    cwes: content.cwes,
    severity: content.severity,
    references: content.references,
    credits: mergeCredits(a.reportCredits ?? [], content.credits),
    revision: a.revision,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    publishedAt: a.publishedAt,
    ...(a.withdrawnAt ? { withdrawnAt: a.withdrawnAt } : {}),
    ...(a.withdrawnReason ? { withdrawnReason: a.withdrawnReason } : {}),
  }
  return record as PublishedAdvisory
}
