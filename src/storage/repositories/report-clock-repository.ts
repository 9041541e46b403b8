import type { Executor, Tx } from '../db.js'
import { isPostgres } from '../dialect.js'
import { earliestWakeIn, listDueWakes } from './wake-queries.js'

export interface ReportDueTimes {
  nextDueAt: string | null
  acknowledgeDueAt: string | null
  detailedResponseDueAt: string | null
  reporterUpdateDueAt: string | null
  resolutionDueAt: string | null
  disclosureDueAt: string | null
  wakeAt: string | null
}

/** What the clock engine needs of a report, read inside the caller's transaction. */
export async function readReportForClocks(tx: Executor, orgId: string, reportId: string, lock = false) {
  let query = tx
    .selectFrom('report')
    .select([
      'report.id',
      'report.org_id',
      'report.ref',
      'report.received_at',
      'report.severity',
      'report.cvss31_vector',
      'report.cvss40_vector',
      'report.assignee_id',
      'report.reporter_id',
      'report.status',
      'report.policy_version_id',
    ])
    .where('report.org_id', '=', orgId)
    .where('report.id', '=', reportId)
  if (lock && isPostgres(tx)) query = query.forNoKeyUpdate('report') // FOR UPDATE would deadlock with inserts referencing the report
  return query.executeTakeFirst()
}

export async function readClockEvents(tx: Executor, orgId: string, reportId: string) {
  const rows = await tx
    .selectFrom('event')
    .select(['type', 'data', 'at'])
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({ type: r.type, at: r.at, data: JSON.parse(r.data) as Record<string, string | number | boolean | null> }))
}

/** Stores the due times the clock engine computed; no version bump (they follow from the events, not a decision). */
export async function writeReportDueTimes(tx: Tx, orgId: string, reportId: string, d: ReportDueTimes): Promise<void> {
  await tx
    .updateTable('report')
    .set({
      next_due_at: d.nextDueAt,
      acknowledge_due_at: d.acknowledgeDueAt,
      detailed_response_due_at: d.detailedResponseDueAt,
      reporter_update_due_at: d.reporterUpdateDueAt,
      resolution_due_at: d.resolutionDueAt,
      disclosure_due_at: d.disclosureDueAt,
      wake_at: d.wakeAt,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .execute()
}

/** Reports the scheduler must look at by `now`, oldest first: a range scan on `report_wake`. */
export const listReportsToWake = (db: Executor, now: string, limit: number) => listDueWakes(db, 'report', now, limit)

/** The earliest wake time across the instance, so the scheduler can sleep until then. */
export const earliestWake = (db: Executor): Promise<string | undefined> => earliestWakeIn(db, 'report')

export async function setReportSeverity(tx: Tx, orgId: string, reportId: string, severity: string | null): Promise<void> {
  await tx
    .updateTable('report')
    .set({ severity: severity as 'low' | null })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .execute()
}

/** Stores the vectors given (a vector, or null to clear it); a version left out is not touched. */
export async function setReportCvss(
  tx: Tx,
  orgId: string,
  reportId: string,
  v: { cvss31?: string | null; cvss40?: string | null },
): Promise<void> {
  const set = {
    ...(v.cvss31 !== undefined ? { cvss31_vector: v.cvss31 } : {}),
    ...(v.cvss40 !== undefined ? { cvss40_vector: v.cvss40 } : {}),
  }
  if (Object.keys(set).length === 0) return
  await tx.updateTable('report').set(set).where('org_id', '=', orgId).where('id', '=', reportId).execute()
}

export async function setReportLabels(tx: Tx, orgId: string, reportId: string, labels: string[]): Promise<void> {
  await tx
    .updateTable('report')
    .set({ labels: JSON.stringify(labels) })
    .where('org_id', '=', orgId)
    .where('id', '=', reportId)
    .execute()
}

/** The version of the policy a report runs under and the labels set on it (the report page's policy panel). */
export async function findReportPolicyLabels(db: Executor, orgId: string, reportId: string) {
  const row = await db
    .selectFrom('report')
    .innerJoin('policy_version', 'policy_version.id', 'report.policy_version_id')
    .select(['policy_version.version', 'report.labels'])
    .where('report.org_id', '=', orgId)
    .where('policy_version.org_id', '=', orgId)
    .where('report.id', '=', reportId)
    .executeTakeFirst()
  return row && { version: Number(row.version), labels: JSON.parse(row.labels) as string[] }
}

/** A report with nothing left to wake for (gone, or no policy clocks): the scheduler stops looking at it. */
export async function clearReportWake(tx: Tx, orgId: string, reportId: string): Promise<void> {
  await tx.updateTable('report').set({ wake_at: null }).where('org_id', '=', orgId).where('id', '=', reportId).execute()
}
