import type { Deps } from '../../deps.js'
import { acceptedChannels, acceptsThrough, type ChannelState } from '../../domain/policy/channels.js'
import { attachmentsProblem, intakePrograms } from '../../domain/policy/programs.js'
import type { FieldErrors, SubmissionInput } from '../../domain/report/submission.js'
import { validateSubmission } from '../../domain/report/submission.js'
import { fail, ok, type Result } from '../../domain/result.js'
import type { UploadedFile } from '../../http/multipart-form.js'
import { type FileRefusal, prepareFiles } from '../../http/uploaded-files.js'
import { followUpUrl } from '../../portal/index.js'
import { newSecret } from '../../storage/ids.js'
import { insertAttachments } from '../../storage/repositories/mail-repository.js'
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
  /** The files stored with the report, as stored (sanitized name, size in bytes). */
  files: Array<{ name: string; size: number }>
}

export type SubmitReportError =
  /** The policy closed this channel: the reporter is pointed to the channels it accepts. */
  | { code: 'CHANNEL_REFUSED'; accepted: ChannelState[] }
  | { code: 'VALIDATION_FAILED'; errors: FieldErrors }
  /** A file that cannot be stored as sent (an image whose metadata could not be removed), by name. */
  | ({ code: 'FILE_REFUSED' } & FileRefusal)

/**
 * Receives a report from the web form or the API, if the policy takes reports through it. Everything the submission causes commits in one
 * unit of work (see receiveReport), its files included; the caller answers only after it. Every
 * field problem is named at once, the reporter's key and the program's attachments field included.
 * Files are taken only for a program whose policy fields have a `type: attachments` field
 * (src/domain/policy/programs.ts); they are stored sealed, images without their metadata
 * (src/http/uploaded-files.ts).
 */
export async function submitReport(
  deps: Deps,
  org: OrganizationRow,
  input: SubmissionInput,
  channel: Extract<Channel, 'web' | 'api'>,
  uploads: readonly UploadedFile[] = [],
): Promise<Result<SubmittedReport, SubmitReportError>> {
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  // The policy decides which channels take reports: a closed channel refuses before anything is read.
  if (!acceptsThrough(policy, channel === 'web' ? 'web-form' : 'api'))
    return fail({ code: 'CHANNEL_REFUSED', accepted: acceptedChannels(policy) })
  const programs = intakePrograms(policy)
  const checked = validateSubmission(input, programs)
  const program = programs.find((p) => p.slug === input.program)
  const filesProblem = attachmentsProblem(program, uploads.length)
  if (filesProblem !== null) {
    const errors: FieldErrors = checked.ok ? {} : { ...checked.error }
    if (filesProblem === 'files-not-accepted') errors.program ??= 'files-not-accepted'
    else if (program?.attachments) errors[`field.${program.attachments.key}`] = filesProblem
    return fail({ code: 'VALIDATION_FAILED', errors })
  }
  // The key is checked even when other fields need attention, so every problem is named at once.
  const keyText = checked.ok ? checked.value.reporterPublicKey : typeof input.reporterPublicKey === 'string' ? input.reporterPublicKey : ''
  const key = checked.ok || !checked.error.reporterPublicKey ? await checkReporterKey(keyText, deps.now()) : null
  if (key && !key.ok)
    return fail({ code: 'VALIDATION_FAILED', errors: { ...(checked.ok ? {} : checked.error), reporterPublicKey: key.error } })
  if (!checked.ok) return fail({ code: 'VALIDATION_FAILED', errors: checked.error })
  if (key?.ok) checked.value.reporterPublicKey = key.value
  const prepared = await prepareFiles(uploads)
  if (!prepared.ok) return fail({ code: 'FILE_REFUSED', ...prepared.refusal })
  const { files } = prepared
  const token = newSecret()
  const { reportId, ref } = await runUnit(deps, org, async (u) => {
    const received = await receiveReport(u, deps, org, checked.value, channel, token)
    await insertAttachments(
      u.tx,
      u.cipher,
      org.id,
      files.map((f) => ({ reportId: received.reportId, messageId: null, contentType: f.declaredType, ...f })),
      u.at,
    )
    return received
  })
  deps.log.info({ orgId: org.id, reportId, channel, files: files.length, event: 'report.received' }, 'report received')
  return ok({
    ref,
    followUpToken: token,
    followUpUrl: followUpUrl(deps, token),
    files: files.map((f) => ({ name: f.safeName, size: f.content.length })),
  })
}
