import { cipherFor, type Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { hashSecret, newSecret } from '../../storage/ids.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import {
  findCapabilityReport,
  findReporter,
  insertReportAccess,
  lastReportAccessIssuedAt,
} from '../../storage/repositories/reporter-repository.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { followUpUrl, linkState, newLinkSpacingMs } from '../capability.js'

/** Why no link was mailed. The page answers the same in every case, so none of these is shown. */
export type SendNewLinkError = { code: 'LINK_STILL_VALID' | 'NOT_FOUND' | 'REPORTER_UNREACHABLE' | 'NEW_LINK_TOO_SOON' }

/**
 * "Send me a new link", asked with a revoked or expired link: a fresh capability, mailed through
 * the outbox to the address the reporter gave — never shown to whoever asks, so a leaked old link
 * gains nothing. Without an address nothing is sent (the page says so). At most one link per
 * report per `newLinkSpacingMs` (counting unrevoked links).
 */
export async function sendNewLink(deps: Deps, token: string): Promise<Result<void, SendNewLinkError>> {
  const state = await linkState(deps, token)
  if (state.state === 'unknown') return fail({ code: 'NOT_FOUND' })
  if (state.state === 'valid') return fail({ code: 'LINK_STILL_VALID' })
  if (!state.reachable) return fail({ code: 'REPORTER_UNREACHABLE' })
  const org = await findOrganizationById(deps.db, state.orgId)
  if (!org) return fail({ code: 'NOT_FOUND' })
  const last = await lastReportAccessIssuedAt(deps.db, org.id, state.reportId)
  if (last && deps.now().getTime() - Date.parse(last) < newLinkSpacingMs) return fail({ code: 'NEW_LINK_TOO_SOON' })
  const report = await findCapabilityReport(deps.db, org.id, state.reportId)
  const reporter = report && (await findReporter(deps.db, cipherFor(deps, org), org.id, report.reporterId))
  if (!report || !reporter?.email) return fail({ code: 'REPORTER_UNREACHABLE' })
  const to = reporter.email
  const fresh = newSecret()
  return runUnit(deps, org, async (u) => {
    await insertReportAccess(u.tx, { tokenHash: hashSecret(fresh), orgId: org.id, reportId: state.reportId, createdAt: u.at })
    u.record(newEvent('reporter.link_reissued', { kind: 'reporter' }, u.at, state.reportId, {}))
    u.send({
      kind: 'mail',
      payload: { template: 'reporter.new-link', to, ref: report.ref, orgName: org.name, followUpUrl: followUpUrl(deps, fresh) },
    })
    return ok(undefined)
  })
}
