/**
 * The follow-up capability's life: how long a link and its cookie work, what state a link is in,
 * "forget" (stored revocation) and "send me a new link" (mailed through the outbox, only to the
 * address the reporter gave).
 *
 * Lifetimes (settings in src/config.ts): a link works `EMBARGO_FOLLOW_UP_LINK_DAYS` (365) days
 * after it was issued; the HttpOnly cookie it is swapped for lives `EMBARGO_FOLLOW_UP_COOKIE_DAYS`
 * (30) days, never past the link's own end. A revoked or expired link answers a page that says so.
 */
import { cipherFor, type Deps } from '../deps.js'
import { hashSecret, newSecret } from '../storage/ids.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { enqueueOutbox } from '../storage/repositories/outbox-repository.js'
import {
  findCapabilityReport,
  findReportAccessAnyState,
  findReporter,
  insertReportAccess,
  lastReportAccessIssuedAt,
  revokeReportAccess,
} from '../storage/repositories/reporter-repository.js'

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

/**
 * "Forget": revokes the capability for good, with its timeline event in the same transaction. The
 * link and every cookie holding it stop working; the team's side is untouched.
 */
export async function forgetLink(deps: Deps, token: string): Promise<boolean> {
  const found = await findReportAccessAnyState(deps.db, hashSecret(token))
  if (!found || found.revoked_at !== null) return false
  const at = deps.now().toISOString()
  return deps.writes.transaction(async (tx) => {
    const revoked = await revokeReportAccess(tx, found.org_id, hashSecret(token), at)
    if (revoked) {
      await appendEvents(tx, found.org_id, [
        { reportId: found.report_id, actorKind: 'reporter', actorId: null, type: 'reporter.link_revoked', data: {}, at },
      ])
    }
    return revoked
  })
}

/**
 * "Send me a new link", asked with a revoked or expired link: a fresh capability, mailed through
 * the outbox to the address the reporter gave — never shown to whoever asks, so a leaked old link
 * gains nothing. Without an address nothing is sent (the page says so). At most one link per
 * report per `newLinkSpacingMs` (counting unrevoked links). Answers whether a mail was queued.
 */
export async function mailNewLink(deps: Deps, token: string): Promise<boolean> {
  const state = await linkState(deps, token)
  if (state.state !== 'revoked' && state.state !== 'expired') return false
  if (!state.reachable) return false
  const org = await findOrganizationById(deps.db, state.orgId)
  if (!org) return false
  const last = await lastReportAccessIssuedAt(deps.db, org.id, state.reportId)
  const now = deps.now()
  if (last && now.getTime() - Date.parse(last) < newLinkSpacingMs) return false
  const cipher = cipherFor(deps, org)
  const report = await findCapabilityReport(deps.db, org.id, state.reportId)
  const reporter = report && (await findReporter(deps.db, cipher, org.id, report.reporterId))
  if (!report || !reporter?.email) return false
  const fresh = newSecret()
  const at = now.toISOString()
  await deps.writes.transaction(async (tx) => {
    await insertReportAccess(tx, { tokenHash: hashSecret(fresh), orgId: org.id, reportId: state.reportId, createdAt: at })
    await appendEvents(tx, org.id, [
      { reportId: state.reportId, actorKind: 'reporter', actorId: null, type: 'reporter.link_reissued', data: {}, at },
    ])
    await enqueueOutbox(
      tx,
      org.id,
      cipher,
      [
        {
          kind: 'mail',
          payload: {
            template: 'reporter.new-link',
            to: reporter.email,
            ref: report.ref,
            orgName: org.name,
            followUpUrl: followUpUrl(deps, fresh),
          },
        },
      ],
      at,
    )
  })
  return true
}
