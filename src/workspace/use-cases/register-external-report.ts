import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { intakePrograms } from '../../domain/policy/programs.js'
import { type ExternalReportErrors, type ExternalReportInput, validateExternalReport } from '../../domain/report/external-report.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { receiveReport } from '../../intake/index.js'
import { newSecret } from '../../storage/ids.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { orgTimeZone } from '../../storage/time-zone.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { memberActor } from '../change-report-policy.js'

export type RegisterExternalReportError = { code: 'VALIDATION_FAILED'; errors: ExternalReportErrors }

/**
 * Registers a report the organization received on another platform, through the same path as
 * every channel (intake's receiveReport) in one unit of work: channel `external`, the platform's
 * reference and address sealed with the report's text, received when the platform received it
 * (its clocks start then), no reporter contact (the reporter is answered on the platform, so no
 * acknowledgment mail), and an event naming the team member who registered it.
 */
export async function registerExternalReport(
  deps: Deps,
  org: OrganizationRow,
  input: ExternalReportInput,
  userId: string,
): Promise<Result<{ ref: string }, RegisterExternalReportError>> {
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  const platforms = policy?.channels?.platforms ?? []
  const checked = validateExternalReport(input, {
    platforms,
    programs: intakePrograms(policy),
    timeZone: (await orgTimeZone(deps.db, org.id)) ?? 'UTC',
    now: deps.now(),
  })
  if (!checked.ok) return fail({ code: 'VALIDATION_FAILED', errors: checked.error })
  const r = checked.value
  const listed = platforms.find((p) => p.id === r.platformId)
  // The follow-up capability written with every report is never shown: the reporter follows up on the platform.
  const { ref } = await runUnit(deps, org, async (u) => {
    const received = await receiveReport(u, deps, org, r.submission, 'external', newSecret(), {
      acknowledge: false,
      receivedAt: r.receivedAt,
      external: { platformId: r.platformId, platform: r.platform, reference: r.reference, url: r.url },
    })
    u.record(newEvent('report.registered', memberActor(userId), u.at, received.reportId, { platform: listed?.name ?? null }))
    return received
  })
  deps.log.info({ orgId: org.id, ref, channel: 'external', event: 'report.registered' }, 'report registered from another platform')
  return ok({ ref })
}
