/**
 * The follow-up capability's life: how long a link and its cookie work, what state a link is in,
 * "forget" (use-cases/forget-link.ts) and "send me a new link" (use-cases/send-new-link.ts).
 *
 * Lifetimes (settings in src/config.ts): a link works `EMBARGO_FOLLOW_UP_LINK_DAYS` (365) days
 * after it was issued; the HttpOnly cookie it is swapped for lives `EMBARGO_FOLLOW_UP_COOKIE_DAYS`
 * (30) days, never past the link's own end. A revoked or expired link answers a page that says so.
 */
import type { Deps } from '../deps.js'
import { hashSecret } from '../storage/ids.js'
import { findCapabilityReport, findReportAccessAnyState } from '../storage/repositories/reporter-repository.js'

/** The secret follow-up link of a report: its capability token in the path, on this instance's public address. */
export const followUpUrl = (deps: Pick<Deps, 'config'>, token: string): string => new URL(`/f/${token}`, deps.config.publicUrl).href

const day = 24 * 60 * 60 * 1000
/** "Send me a new link" mails no new link while one issued less than this long ago still works, however often it is asked. */
export const newLinkSpacingMs = 10 * 60 * 1000

/** The oldest issue time a link may have and still work now. */
export const linkIssuedAfter = (deps: Pick<Deps, 'config' | 'now'>): string =>
  new Date(deps.now().getTime() - deps.config.followUpLinkDays * day).toISOString()

/** Seconds the follow-up cookie may live for a link issued at `issuedAt`: the cookie lifetime, cut at the link's end. */
export function cookieSeconds(deps: Pick<Deps, 'config' | 'now'>, issuedAt: string): number {
  const linkEnds = Date.parse(issuedAt) + deps.config.followUpLinkDays * day
  const left = Math.floor((linkEnds - deps.now().getTime()) / 1000)
  return Math.max(0, Math.min(deps.config.followUpCookieDays * 24 * 60 * 60, left))
}

export const isWellFormedToken = (token: string): boolean => /^[A-Za-z0-9_-]{20,100}$/.test(token)

export type LinkState =
  | { state: 'unknown' }
  | { state: 'valid' | 'revoked' | 'expired'; orgId: string; reportId: string; issuedAt: string; reachable: boolean }

/** What a link is now: valid, revoked ("forget"), expired, or not a link at all. */
export async function linkState(deps: Deps, token: string): Promise<LinkState> {
  if (!isWellFormedToken(token)) return { state: 'unknown' }
  const found = await findReportAccessAnyState(deps.db, hashSecret(token))
  if (!found) return { state: 'unknown' }
  const state = found.revoked_at !== null ? 'revoked' : found.created_at <= linkIssuedAfter(deps) ? 'expired' : 'valid'
  const reachable = state === 'valid' ? false : ((await findCapabilityReport(deps.db, found.org_id, found.report_id))?.reachable ?? false)
  return { state, orgId: found.org_id, reportId: found.report_id, issuedAt: found.created_at, reachable }
}

/** The reference of the report a capability opens (shown on the "switch report?" page). */
export async function reportRefOf(deps: Deps, orgId: string, reportId: string): Promise<string | undefined> {
  return (await findCapabilityReport(deps.db, orgId, reportId))?.ref
}
