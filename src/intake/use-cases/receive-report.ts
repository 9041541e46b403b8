import type { Deps } from '../../deps.js'
import { policyPrograms } from '../../domain/policy/programs.js'
import type { Policy } from '../../domain/policy/schema.js'
import type { Submission } from '../../domain/report/submission.js'
import { formatReference } from '../../domain/report/submission.js'
import { receive } from '../../domain/report/workflow.js'
import { followUpUrl } from '../../portal/index.js'
import { hashSecret, newId } from '../../storage/ids.js'
import { reporterMail } from '../../storage/report-transition.js'
import { saveReporterKey } from '../../storage/repositories/mail-repository.js'
import { programRowFor } from '../../storage/repositories/organization-repository.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import { insertReport, nextReferenceNumber, type ReportFields } from '../../storage/repositories/report-repository.js'
import { insertReportAccess, insertReporter } from '../../storage/repositories/reporter-repository.js'
import { fieldTexts, indexReportText } from '../../storage/repositories/search-index-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import type { Unit } from '../../storage/unit-of-work.js'
import { assignOnReceipt } from '../assign-on-receipt.js'

export interface ReceivedReport {
  reportId: string
  reporterId: string
  ref: string
}

export type Channel = 'web' | 'api' | 'email' | 'external'

/** The program row a report about the policy's program `slug` points at (written from the current policy when new). */
async function programIdFor(u: Unit, orgId: string, policy: Policy | undefined, slug: string | null): Promise<string | null> {
  if (slug === null) return null
  const program = policyPrograms(policy).find((p) => p.slug === slug)
  if (!program) return null
  return programRowFor(u.tx, orgId, { id: newId(), ...program, description: program.description ?? '', at: u.at })
}

/**
 * The rows one validated submission writes — the report, the reporter, the follow-up capability,
 * the receipt event, the acknowledgment mail and the assignment on receipt — inside the caller's
 * unit of work, so a channel can add its own rows (mail ingestion: the stored mail's state,
 * attachments) and commit all at once. `acknowledge: false` writes no acknowledgment mail
 * (RFC 3834: never answer a robot). A report registered from another platform gives `receivedAt`
 * (when the platform received it: its clocks start then) and `external` (platform, reference, URL;
 * sealed with the report's text).
 */
export async function receiveReport(
  u: Unit,
  deps: Deps,
  org: OrganizationRow,
  s: Submission,
  channel: Channel,
  followUpToken: string,
  options: { acknowledge?: boolean; receivedAt?: string; external?: ReportFields['external'] } = {},
): Promise<ReceivedReport> {
  const { at } = u
  const receivedAt = options.receivedAt ?? at
  const year = new Date(at).getUTCFullYear()
  const reportId = newId()
  const reporterId = newId()
  // Received under the organization's current policy (read once, in the commit; its parsed form is cached per version): its clocks start now.
  const current = await currentPolicy(u.tx, org.id)
  const ref = formatReference(org.ref_prefix, year, await nextReferenceNumber(u.tx, org.id, year))
  await insertReporter(u.tx, u.cipher, org.id, { id: reporterId, name: s.reporterName, email: s.reporterEmail }, at)
  // Given by the reporter themselves over the web or the API: confirmed, unlike a key attached to a mail.
  if (s.reporterPublicKey !== null) await saveReporterKey(u.tx, u.cipher, org.id, reporterId, s.reporterPublicKey, 'confirmed')
  const t = receive({ id: reportId, ref, reporterReachable: s.reporterEmail !== null }, channel, receivedAt)
  await insertReport(u.tx, u.cipher, {
    id: reportId,
    orgId: org.id,
    ref,
    programId: await programIdFor(u, org.id, current?.policy, s.program),
    reporterId,
    status: t.report.status,
    statusReason: null,
    duplicateOf: null,
    title: s.title,
    fields: {
      description: s.description,
      steps: s.steps,
      impact: s.impact,
      affectedVersion: s.affectedVersion,
      ...(s.programFields.length > 0 ? { programFields: s.programFields } : {}),
      ...(options.external ? { external: options.external } : {}),
    },
    channel,
    creditPreference: s.creditPreference,
    assigneeId: null,
    receivedAt,
    updatedAt: at,
    policyVersionId: current?.versionId ?? null,
  })
  // The queue's search: the blind index of the title, the text and the reporter's address, in the same commit.
  await indexReportText(u.tx, u.cipher, org.id, reportId, [s.title, ...fieldTexts(s)], s.reporterEmail)
  await insertReportAccess(u.tx, { tokenHash: hashSecret(followUpToken), orgId: org.id, reportId, createdAt: at })
  u.record(...t.events)
  const recipient = s.reporterEmail === null || options.acknowledge === false ? null : { email: s.reporterEmail, orgName: org.name }
  u.send(...reporterMail(t.messages, ref, recipient, { followUpUrl: followUpUrl(deps, followUpToken) }))
  await assignOnReceipt(u, reportId, current?.policy)
  return { reportId, reporterId, ref }
}
