import type { Deps } from '../../deps.js'
import { acceptedChannels, acceptsThrough, type ChannelState } from '../../domain/policy/channels.js'
import { intakePrograms } from '../../domain/policy/programs.js'
import type { FieldErrors, SubmissionInput } from '../../domain/report/submission.js'
import { validateSubmission } from '../../domain/report/submission.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { followUpUrl } from '../../portal/index.js'
import { newSecret } from '../../storage/ids.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { checkReporterKey } from '../reporter-key.js'
import { type Channel, receiveReport } from './receive-report.js'

export interface SubmittedReport {
  ref: string
  /** The secret follow-up token. Shown once; only its hash is stored. */
  followUpToken: string
  followUpUrl: string
}

export type SubmitReportError =
  /** The policy closed this channel: the reporter is pointed to the channels it accepts. */
  { code: 'CHANNEL_REFUSED'; accepted: ChannelState[] } | { code: 'VALIDATION_FAILED'; errors: FieldErrors }

/**
 * Receives a report from the web form or the API, if the policy takes reports through it. Everything the submission causes commits in one
 * unit of work (see receiveReport); the caller answers only after it. Every field problem is named
 * at once, the reporter's key included.
 */
export async function submitReport(
  deps: Deps,
  org: OrganizationRow,
  input: SubmissionInput,
  channel: Extract<Channel, 'web' | 'api'>,
): Promise<Result<SubmittedReport, SubmitReportError>> {
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  // The policy decides which channels take reports: a closed channel refuses before anything is read.
  if (!acceptsThrough(policy, channel === 'web' ? 'web-form' : 'api'))
    return fail({ code: 'CHANNEL_REFUSED', accepted: acceptedChannels(policy) })
  const checked = validateSubmission(input, intakePrograms(policy))
  // The key is checked even when other fields need attention, so every problem is named at once.
  const keyText = checked.ok ? checked.value.reporterPublicKey : typeof input.reporterPublicKey === 'string' ? input.reporterPublicKey : ''
  const key = checked.ok || !checked.error.reporterPublicKey ? await checkReporterKey(keyText, deps.now()) : null
  if (key && !key.ok)
    return fail({ code: 'VALIDATION_FAILED', errors: { ...(checked.ok ? {} : checked.error), reporterPublicKey: key.error } })
  if (!checked.ok) return fail({ code: 'VALIDATION_FAILED', errors: checked.error })
  if (key?.ok) checked.value.reporterPublicKey = key.value
  const token = newSecret()
  const { reportId, ref } = await runUnit(deps, org, (u) => receiveReport(u, deps, org, checked.value, channel, token))
  deps.log.info({ orgId: org.id, reportId, channel, event: 'report.received' }, 'report received')
  return ok({ ref, followUpToken: token, followUpUrl: followUpUrl(deps, token) })
}
