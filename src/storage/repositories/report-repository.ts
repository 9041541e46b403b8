import { mayReadReportText, type Reader, type SharedWith } from '../../domain/access/need-to-know.js'
import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import type { ReportRow } from '../schema.js'
import { sharedWithOfVersion } from './policy-repository.js'

/** The structured text of a report. Everything here is sealed at rest. */
export interface ReportFields {
  description: string
  steps: string
  impact: string
  affectedVersion: string
  /** The program's own questions (the policy's `programs[].fields`) with the reporter's answers; absent on older reports. */
  programFields?: Array<{ key: string; label: string; value: string }>
  /** A report registered by the team from another platform: where it was received, its reference and address there. */
  external?: { platformId: string; platform: string; reference: string; url: string }
}

export interface StoredReport {
  id: string
  orgId: string
  ref: string
  programId: string | null
  reporterId: string
  status: string
  statusReason: string | null
  duplicateOf: string | null
  title: string
  fields: ReportFields
  channel: ReportRow['channel']
  creditPreference: ReportRow['credit_preference']
  assigneeId: string | null
  receivedAt: string
  updatedAt: string
  version: number
}

const titleContext = (id: string) => `report.title|${id}`
const fieldsContext = (id: string) => `report.fields|${id}`
const reasonContext = (id: string) => `report.status_reason|${id}`
const sealReason = (cipher: OrgCipher, id: string, reason: string | null) =>
  reason === null ? null : cipher.encrypt(reason, reasonContext(id))

/** `policyVersionId`: the policy version the report is received under (its clocks run by it), when the organization has one. */
export async function insertReport(
  tx: Tx,
  cipher: OrgCipher,
  r: Omit<StoredReport, 'version'> & { policyVersionId?: string | null },
): Promise<void> {
  await tx
    .insertInto('report')
    .values({
      id: r.id,
      org_id: r.orgId,
      ref: r.ref,
      program_id: r.programId,
      reporter_id: r.reporterId,
      status: r.status,
      status_reason_enc: sealReason(cipher, r.id, r.statusReason),
      duplicate_of: r.duplicateOf,
      title_enc: cipher.encrypt(r.title, titleContext(r.id)),
      fields_enc: cipher.encrypt(JSON.stringify(r.fields), fieldsContext(r.id)),
      channel: r.channel,
      credit_preference: r.creditPreference,
      assignee_id: r.assigneeId,
      received_at: r.receivedAt,
      updated_at: r.updatedAt,
      ...(r.policyVersionId ? { policy_version_id: r.policyVersionId } : {}),
    })
    .execute()
}

/**
 * The workflow state of a row. The rejection reason is report text: it is decrypted only when a
 * cipher is given (a reader who may read the report); otherwise it reads as null and is never
 * written back (see `updateReportState`).
 */
function stateOf(row: ReportRow, cipher?: OrgCipher): ReportState {
  return {
    id: row.id,
    orgId: row.org_id,
    ref: row.ref,
    programId: row.program_id,
    reporterId: row.reporter_id,
    status: row.status,
    statusReason: row.status_reason_enc === null || !cipher ? null : cipher.decrypt(row.status_reason_enc, reasonContext(row.id)),
    duplicateOf: row.duplicate_of,
    channel: row.channel,
    creditPreference: row.credit_preference,
    assigneeId: row.assignee_id,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
  }
}

function open(cipher: OrgCipher, row: ReportRow): StoredReport {
  return {
    ...stateOf(row, cipher),
    title: cipher.decrypt(row.title_enc, titleContext(row.id)),
    fields: JSON.parse(cipher.decrypt(row.fields_enc, fieldsContext(row.id))) as ReportFields,
  }
}

export async function findReportByRef(db: Executor, cipher: OrgCipher, orgId: string, ref: string): Promise<StoredReport | undefined> {
  const row = await db.selectFrom('report').selectAll().where('org_id', '=', orgId).where('ref', '=', ref).executeTakeFirst()
  return row && open(cipher, row)
}

export async function findReportById(db: Executor, cipher: OrgCipher, orgId: string, id: string): Promise<StoredReport | undefined> {
  const row = await db.selectFrom('report').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  return row && open(cipher, row)
}

/** A report's workflow state without its text: nothing in it is decrypted. */
export type ReportState = Omit<StoredReport, 'title' | 'fields'>

/** The report's state and the need-to-know rule of the policy it was received under; no text is decrypted. */
export async function findReportStateByRef(
  db: Executor,
  orgId: string,
  ref: string,
): Promise<(ReportState & { sharedWith: SharedWith }) | undefined> {
  const row = await db.selectFrom('report').selectAll().where('org_id', '=', orgId).where('ref', '=', ref).executeTakeFirst()
  if (!row) return undefined
  return { ...stateOf(row), sharedWith: await sharedWithOfVersion(db, orgId, row.policy_version_id) }
}

/**
 * A report as one member may see it: its text is decrypted only when the need-to-know rule
 * (`mayReadReportText`) lets `reader` read it; otherwise `text` is null and `readable` false, and
 * the caller must not open anything else secret about it (reporter, messages, reason).
 */
export async function findReportForReader(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  ref: string,
  reader: Reader,
): Promise<{ report: ReportState; readable: boolean; text: Pick<StoredReport, 'title' | 'fields'> | null } | undefined> {
  const row = await db.selectFrom('report').selectAll().where('org_id', '=', orgId).where('ref', '=', ref).executeTakeFirst()
  if (!row) return undefined
  const sharedWith = await sharedWithOfVersion(db, orgId, row.policy_version_id)
  const readable = mayReadReportText(reader, { assigneeId: row.assignee_id }, sharedWith)
  if (!readable) return { report: stateOf(row), readable, text: null }
  const { title, fields, ...report } = open(cipher, row)
  return { report, readable, text: { title, fields } }
}

/** The policy version a report was received under (its clocks and rules follow that version). */
export const findReportPolicyVersion = (db: Executor, orgId: string, id: string) =>
  db.selectFrom('report').select('policy_version_id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()

export const findReportRef = (db: Executor, orgId: string, id: string) =>
  db.selectFrom('report').select(['id', 'ref']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()

export interface ReportStateChange {
  status: string
  /** Written only when given: a change that leaves the status alone leaves the sealed reason alone. */
  statusReason?: string | null
  duplicateOf: string | null
  assigneeId: string | null
  updatedAt: string
}

/**
 * Writes a new workflow state if nobody changed the report since it was read (optimistic lock on
 * `version`). Returns false when someone else got there first; the caller re-reads and re-decides.
 */
export async function updateReportState(
  tx: Tx,
  cipher: OrgCipher,
  orgId: string,
  id: string,
  expectedVersion: number,
  s: ReportStateChange,
): Promise<boolean> {
  const result = await tx
    .updateTable('report')
    .set((eb) => ({
      status: s.status,
      ...(s.statusReason === undefined ? {} : { status_reason_enc: sealReason(cipher, id, s.statusReason) }),
      duplicate_of: s.duplicateOf,
      assignee_id: s.assigneeId,
      updated_at: s.updatedAt,
      version: eb('version', '+', 1),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Allocates the next human reference number of the year (`ACME-2026-0042`), race-free on both dialects. */
export async function nextReferenceNumber(tx: Tx, orgId: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('reference_counter')
    .values({ org_id: orgId, year, last: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet((eb) => ({ last: eb('reference_counter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow()
  return Number(row.last)
}
