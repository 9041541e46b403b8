import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { approve, type PublicVersionError } from '../../domain/report-publication/report-publication.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { findPublicVersion, savePublicVersion } from '../../storage/repositories/report-publication-repository.js'
import { findReporter } from '../../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { publicationRules, teamReport, type Viewer } from '../publication-rules.js'

export type ApprovePublicVersionError = PublicVersionError | { code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONCURRENT_CHANGE' }

/**
 * Approves the public version: a second member when the policy requires review (`advisories.review`),
 * else the preparer may, having confirmed the preview. Approval shows the text to the reporter on
 * the follow-up page at once (and tells them by mail) and starts the objection period.
 */
export async function approvePublicVersion(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  previewConfirmed: boolean,
): Promise<Result<void, ApprovePublicVersionError>> {
  const found = await teamReport(deps, org, ref, viewer)
  if (!found) return fail({ code: 'NOT_FOUND' })
  if (!found.readable) return fail({ code: 'FORBIDDEN' })
  const rules = await publicationRules(deps, org.id)
  const { report } = found
  return runUnit(deps, org, async (u) => {
    const existing = await findPublicVersion(u.tx, u.cipher, org.id, report.id)
    if (!existing) return fail({ code: 'PUBLIC_VERSION_NOT_ALLOWED' as const, state: 'none' as const })
    const next = approve(existing, viewer.userId, { ...rules, previewConfirmed, at: u.at })
    if (!next.ok) return next
    if (!(await savePublicVersion(u.tx, u.cipher, org.id, { ...existing, ...next.value }, existing.version, u.at))) {
      return fail({ code: 'CONCURRENT_CHANGE' as const })
    }
    const objectionEndsAt = next.value.objectionEndsAt ?? u.at
    const reviewed = existing.preparedBy !== viewer.userId
    u.record(newEvent('public_version.approved', { kind: 'user', id: viewer.userId }, u.at, report.id, { reviewed, objectionEndsAt }))
    const reporter = await findReporter(u.tx, u.cipher, org.id, report.reporterId)
    if (reporter?.email) {
      u.send({
        kind: 'mail',
        payload: {
          template: 'reporter.public-version-proposed',
          to: reporter.email,
          ref: report.ref,
          orgName: org.name,
          dueAt: objectionEndsAt,
        },
      })
    }
    return ok(undefined)
  })
}
