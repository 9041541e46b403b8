/**
 * The public version of a report (src/domain/report-publication). Its text and the reporter's
 * objection are sealed like report text (`report_publication.text|<id>`,
 * `report_publication.objection|<id>`) until published; the published record (`published_json`)
 * is in clear from that moment and is all the public pages read. Every query is filtered by
 * organization, but the job's scans, which serve the whole instance.
 */
import type {
  PublicOutcome,
  PublicVersion,
  PublicVersionState,
  PublishedReport,
} from '../../domain/report-publication/report-publication.js'
import type { OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Executor, type Tx } from '../db.js'
import type { ReportPublicationTable } from '../schema.js'

export interface StoredPublicVersion extends PublicVersion {
  id: string
  reportId: string
  /** An advisory (own id) the team named: the version is not published before it is. */
  afterAdvisory: string | null
  version: number
}

const textContext = (id: string) => `report_publication.text|${id}`
const objectionContext = (id: string) => `report_publication.objection|${id}`

type Row = {
  [K in keyof ReportPublicationTable]: ReportPublicationTable[K] extends { __select__: infer S } ? S : ReportPublicationTable[K]
}

function open(cipher: OrgCipher, row: Row): StoredPublicVersion {
  const text = JSON.parse(cipher.decrypt(row.text_enc, textContext(row.id))) as { title: string; body: string; reason: string }
  return {
    id: row.id,
    reportId: row.report_id,
    afterAdvisory: row.after_advisory,
    version: Number(row.version),
    state: row.state as PublicVersionState,
    outcome: row.outcome as PublicOutcome,
    title: text.title,
    body: text.body,
    reason: text.reason,
    preparedBy: row.prepared_by,
    approvedBy: row.approved_by,
    shownAt: row.shown_at,
    objectionEndsAt: row.objection_ends_at,
    objection: row.objection_enc === null ? null : cipher.decrypt(row.objection_enc, objectionContext(row.id)),
    publishedAt: row.published_at,
  }
}

export async function findPublicVersion(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reportId: string,
): Promise<StoredPublicVersion | undefined> {
  const row = await db
    .selectFrom('report_publication')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .executeTakeFirst()
  return row && open(cipher, row)
}

/**
 * Writes a public version: inserted when `expectedVersion` is null (false when the report has one
 * already), else updated only if nobody changed it since it was read (false otherwise), which is
 * what makes the job's publication happen once. `published` is the public record, written in
 * clear, when the version is published.
 */
export async function savePublicVersion(
  tx: Tx,
  cipher: OrgCipher,
  orgId: string,
  v: Omit<StoredPublicVersion, 'version'>,
  expectedVersion: number | null,
  at: string,
  published?: PublishedReport,
): Promise<boolean> {
  const values = {
    state: v.state,
    outcome: v.outcome,
    text_enc: cipher.encrypt(JSON.stringify({ title: v.title, body: v.body, reason: v.reason }), textContext(v.id)),
    after_advisory: v.afterAdvisory,
    prepared_by: v.preparedBy,
    approved_by: v.approvedBy,
    shown_at: v.shownAt,
    objection_ends_at: v.objectionEndsAt,
    objection_enc: v.objection === null ? null : cipher.encrypt(v.objection, objectionContext(v.id)),
    published_at: v.publishedAt,
    published_json: published ? JSON.stringify(published) : null,
    updated_at: at,
  }
  if (expectedVersion === null) {
    const existing = await tx
      .selectFrom('report_publication')
      .select('id')
      .where('org_id', '=', orgId)
      .where('report_id', '=', v.reportId)
      .executeTakeFirst()
    if (existing) return false
    await tx
      .insertInto('report_publication')
      .values({ id: v.id, org_id: orgId, report_id: v.reportId, created_at: at, version: 1, ...values })
      .execute()
    return true
  }
  const result = await tx
    .updateTable('report_publication')
    .set({ ...values, version: expectedVersion + 1 })
    .where('org_id', '=', orgId)
    .where('id', '=', v.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Shown versions whose objection period has ended, of every organization (the job serves the whole instance). */
export const listDuePublicVersions = (db: Executor, now: string, limit: number) =>
  acrossOrganizations(db)
    .selectFrom('report_publication')
    .select(['id', 'org_id', 'report_id'])
    .where('state', '=', 'shown')
    .where('objection_ends_at', '<=', now)
    .orderBy('objection_ends_at')
    .orderBy('id')
    .limit(limit)
    .execute()

/** When the next objection period ends after `after`, of every organization (the job's timer). */
export async function nextObjectionEnd(db: Executor, after: string): Promise<string | undefined> {
  const row = await acrossOrganizations(db)
    .selectFrom('report_publication')
    .select((eb) => eb.fn.min('objection_ends_at').as('at'))
    .where('state', '=', 'shown')
    .where('objection_ends_at', '>', after)
    .executeTakeFirst()
  return row?.at ? String(row.at) : undefined
}

/** The states of the advisories a report waits for: those linked to it, and the one named when preparing. */
export async function awaitedAdvisories(db: Executor, orgId: string, reportId: string, named: string | null) {
  const linked = await db
    .selectFrom('advisory_report')
    .innerJoin('advisory', 'advisory.id', 'advisory_report.advisory_id')
    .select(['advisory.own_id as ownId', 'advisory.state'])
    .where('advisory_report.org_id', '=', orgId)
    .where('advisory.org_id', '=', orgId)
    .where('advisory_report.report_id', '=', reportId)
    .execute()
  if (named === null || linked.some((a) => a.ownId === named)) return linked
  const other = await db
    .selectFrom('advisory')
    .select(['own_id as ownId', 'state'])
    .where('org_id', '=', orgId)
    .where('own_id', '=', named)
    .executeTakeFirst()
  // A named advisory that no longer exists is waited for forever: nothing is published by mistake.
  return [...linked, other ?? { ownId: named, state: 'missing' }]
}

/** Whether the organization has an advisory with this own id (the preparation form names one). */
export async function advisoryExists(db: Executor, orgId: string, ownId: string): Promise<boolean> {
  const row = await db.selectFrom('advisory').select('id').where('org_id', '=', orgId).where('own_id', '=', ownId).executeTakeFirst()
  return row !== undefined
}

/** The organization's published reports as the public sees them, newest first. */
export async function listPublishedReports(db: Executor, orgId: string): Promise<PublishedReport[]> {
  const rows = await db
    .selectFrom('report_publication')
    .select('published_json')
    .where('org_id', '=', orgId)
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.flatMap((r) => (r.published_json ? [JSON.parse(r.published_json) as PublishedReport] : []))
}

/** One published report by its reference; undefined unless it is published. */
export async function findPublishedReport(db: Executor, orgId: string, ref: string): Promise<PublishedReport | undefined> {
  const row = await db
    .selectFrom('report_publication')
    .innerJoin('report', 'report.id', 'report_publication.report_id')
    .select('report_publication.published_json')
    .where('report_publication.org_id', '=', orgId)
    .where('report.org_id', '=', orgId)
    .where('report.ref', '=', ref)
    .where('report_publication.state', '=', 'published')
    .executeTakeFirst()
  return row?.published_json ? (JSON.parse(row.published_json) as PublishedReport) : undefined
}

/** The reference and status of the report a public version belongs to (no text): what publishing needs. */
export const findReportOutcomeFacts = (db: Executor, orgId: string, reportId: string) =>
  db.selectFrom('report').select(['ref', 'status']).where('org_id', '=', orgId).where('id', '=', reportId).executeTakeFirst()

/** Whether the organization has published any report (its public page links the list then). */
export async function hasPublishedReports(db: Executor, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('report_publication')
    .select('id')
    .where('org_id', '=', orgId)
    .where('state', '=', 'published')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Which of these reports already have a public version (any state). */
export async function reportsWithPublicVersion(db: Executor, orgId: string, reportIds: readonly string[]): Promise<Set<string>> {
  if (reportIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('report_publication')
    .select('report_id')
    .where('org_id', '=', orgId)
    .where('report_id', 'in', reportIds)
    .execute()
  return new Set(rows.map((r) => r.report_id))
}
