/**
 * Announcements on disclosure day: what the publishing unit leaves for them, and what an
 * announcement may say. Pure.
 *
 * The publishing unit (src/disclosure) writes one outbox row of kind `advisory.published` with the
 * advisory's id, in the commit that publishes it; src/announcements handles that row. Disclosure
 * knows nothing about channels, and nothing is announced that did not commit.
 */
import type { PublishedAdvisory } from './advisory.js'

export const advisoryPublishedKind = 'advisory.published'

export interface AdvisoryPublishedPayload {
  advisoryId: string
}

/** The outbox item the publishing unit sends (first publication only). */
export const advisoryPublishedItem = (advisoryId: string) => ({
  kind: advisoryPublishedKind,
  payload: { advisoryId } satisfies AdvisoryPublishedPayload,
})

/** How a channel of the policy is delivered. */
export const deliveries = ['mail', 'slack', 'matrix', 'webhook'] as const
export type Delivery = (typeof deliveries)[number]

/**
 * The facts an announcement carries, all from the advisory's public record: never anything the
 * public pages do not show. Mitigations (the advisory's workarounds) only when the policy says
 * announcements include them (`disclosure.includeMitigations`).
 */
export interface AnnouncementFacts {
  id: string
  cve?: string
  gcve?: string
  title: string
  summary: string
  severity: PublishedAdvisory['severity']
  url: string
  publishedAt: string
  mitigations?: string
}

export function announcementFacts(a: PublishedAdvisory, url: string, includeMitigations: boolean): AnnouncementFacts {
  return {
    id: a.identifiers.own,
    ...(a.identifiers.cve ? { cve: a.identifiers.cve } : {}),
    ...(a.identifiers.gcve ? { gcve: a.identifiers.gcve } : {}),
    title: a.title,
    summary: a.summary,
    severity: a.severity,
    url,
    publishedAt: a.publishedAt,
    ...(includeMitigations && a.workarounds.trim() !== '' ? { mitigations: a.workarounds } : {}),
  }
}

/**
 * A delivery address an administrator typed: https, no credentials or fragment; plain http only to
 * this machine and only when the operator allows it (tests). Returns the problem, or null.
 */
export function deliveryUrlProblem(input: string, allowLocalHttp: boolean): 'invalid-url' | 'https-only' | null {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    return 'invalid-url'
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(allowLocalHttp && local && url.protocol === 'http:')) return 'https-only'
  if (url.username || url.password || url.hash || input.length > 2000) return 'invalid-url'
  return null
}
