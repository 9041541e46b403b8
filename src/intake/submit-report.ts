import { cipherFor, type Deps } from '../deps.js'
import type { FieldErrors, ReporterKeyProblem, Submission, SubmissionInput } from '../domain/report/submission.js'
import { formatReference, validateSubmission } from '../domain/report/submission.js'
import { receive } from '../domain/report/workflow.js'
import { fail, ok, type Result } from '../domain/result.js'
import { importPublicKey, KeyImportError } from '../openpgp/keys.js'
import { followUpUrl } from '../portal/index.js'
import type { Tx } from '../storage/db.js'
import { hashSecret, newId, newSecret } from '../storage/ids.js'
import { refreshReportClocks } from '../storage/report-clocks.js'
import { reporterMail } from '../storage/report-transition.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { saveReporterKey } from '../storage/repositories/mail-repository.js'
import { listPrograms } from '../storage/repositories/organization-repository.js'
import { enqueueOutbox } from '../storage/repositories/outbox-repository.js'
import { stampReportPolicy } from '../storage/repositories/report-clock-repository.js'
import { insertReport, nextReferenceNumber } from '../storage/repositories/report-repository.js'
import { insertReportAccess, insertReporter } from '../storage/repositories/reporter-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { assignOnReceipt } from './assign-on-receipt.js'

export interface SubmittedReport {
  ref: string
  /** The secret follow-up token. Shown once; only its hash is stored. */
  followUpToken: string
  followUpUrl: string
}

/** Where the follow-up link points. The token travels in the path and is swapped for a cookie at once. */
/**
 * Receives a report from the web form, the API or (later) mail. Everything the submission
 * causes — the report, the reporter, the follow-up capability, the receipt event and the
 * acknowledgment mail — commits in one transaction; the caller answers only after it.
 */
export async function submitReport(
  deps: Deps,
  org: OrganizationRow,
  input: SubmissionInput,
  channel: 'web' | 'api' | 'email',
): Promise<Result<SubmittedReport, FieldErrors>> {
  const programs = await listPrograms(deps.db, org.id)
  const checked = validateSubmission(
    input,
    programs.filter((p) => p.in_scope).map((p) => p.id),
  )
  // The key is checked even when other fields need attention, so every problem is named at once.
  const keyText = checked.ok ? checked.value.reporterPublicKey : typeof input.reporterPublicKey === 'string' ? input.reporterPublicKey : ''
  const key = checked.ok || !checked.error.reporterPublicKey ? await checkReporterKey(keyText, deps.now()) : null
  if (key && !key.ok) return fail({ ...(checked.ok ? {} : checked.error), reporterPublicKey: key.error })
  if (!checked.ok) return checked
  if (key?.ok) checked.value.reporterPublicKey = key.value
  const token = newSecret()
  const { reportId, ref } = await deps.writes.transaction((tx) => receiveReport(tx, deps, org, checked.value, channel, token))
  deps.log.info({ orgId: org.id, reportId, channel, event: 'report.received' }, 'report received')
  return ok({ ref, followUpToken: token, followUpUrl: followUpUrl(deps, token) })
}

/**
 * A reporter's own public key, validated like every imported key (one public key, unexpired,
 * unrevoked, able to encrypt); the stored form is the re-serialized public-only armor.
 */
async function checkReporterKey(armored: string | null, now: Date): Promise<Result<string | null, ReporterKeyProblem>> {
  if (armored === null || armored.trim() === '') return ok(null)
  try {
    return ok((await importPublicKey(armored, now)).armored)
  } catch (error) {
    const problem = error instanceof KeyImportError ? error.problem : 'unreadable'
    const known: readonly string[] = ['unreadable', 'private-key', 'expired', 'revoked', 'invalid', 'no-encryption-key', 'multiple-keys']
    return fail(`key-${known.includes(problem) ? problem : 'unreadable'}` as ReporterKeyProblem)
  }
}

export interface ReceivedReport {
  reportId: string
  reporterId: string
  ref: string
}

/**
 * The rows one validated submission writes, inside the caller's transaction, so a channel can add
 * its own rows (mail ingestion: the stored mail's state, attachments) and commit all at once.
 * `acknowledge: false` writes no acknowledgment mail (RFC 3834: never answer a robot).
 */
export async function receiveReport(
  tx: Tx,
  deps: Deps,
  org: OrganizationRow,
  s: Submission,
  channel: 'web' | 'api' | 'email',
  followUpToken: string,
  options: { acknowledge?: boolean } = {},
): Promise<ReceivedReport> {
  const cipher = cipherFor(deps, org)
  const now = deps.now()
  const at = now.toISOString()
  const reportId = newId()
  const reporterId = newId()
  const n = await nextReferenceNumber(tx, org.id, now.getUTCFullYear())
  const ref = formatReference(org.ref_prefix, now.getUTCFullYear(), n)
  await insertReporter(tx, cipher, org.id, { id: reporterId, name: s.reporterName, email: s.reporterEmail }, at)
  // Given by the reporter themselves over the web or the API: confirmed, unlike a key attached to a mail.
  if (s.reporterPublicKey !== null) await saveReporterKey(tx, cipher, org.id, reporterId, s.reporterPublicKey, 'confirmed')
  const t = receive({ id: reportId, ref, reporterReachable: s.reporterEmail !== null }, channel, at)
  await insertReport(tx, cipher, {
    id: reportId,
    orgId: org.id,
    ref,
    programId: s.programId,
    reporterId,
    status: t.report.status,
    statusReason: null,
    duplicateOf: null,
    title: s.title,
    fields: { description: s.description, steps: s.steps, impact: s.impact, affectedVersion: s.affectedVersion },
    channel,
    creditPreference: s.creditPreference,
    assigneeId: null,
    receivedAt: at,
    updatedAt: at,
  })
  await insertReportAccess(tx, { tokenHash: hashSecret(followUpToken), orgId: org.id, reportId, createdAt: at })
  // Received under the organization's current policy; its clocks start now.
  await stampReportPolicy(tx, org.id, reportId)
  await appendEvents(
    tx,
    org.id,
    t.events.map((e) => ({ reportId, actorKind: 'reporter', actorId: null, type: e.type, data: e.data, at: e.at })),
  )
  const recipient = s.reporterEmail === null || options.acknowledge === false ? null : { email: s.reporterEmail, orgName: org.name }
  await enqueueOutbox(tx, org.id, cipher, reporterMail(t.messages, ref, recipient, { followUpUrl: followUpUrl(deps, followUpToken) }), at)
  await assignOnReceipt(tx, org.id, reportId, at)
  await refreshReportClocks(tx, org.id, reportId, at)
  return { reportId, reporterId, ref }
}
