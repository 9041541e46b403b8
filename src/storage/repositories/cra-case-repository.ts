/**
 * CRA cases (src/regulation): one per report. The evidence and the stage forms are sealed under
 * the organization's data key; filings (when, reference), the alerts sent and the wake time are in
 * clear, for the overview and the sweep. Every change is conditional on `version`, so two writers
 * (two sweepers, a sweeper and a team member) never both apply theirs.
 */
import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import { earliestWakeIn, listDueWakes } from './wake-queries.js'

export type CraKindColumn = 'vulnerability' | 'incident'
export type CraFilings = Record<string, { at: string; reference: string }>

export interface StoredCraCase {
  id: string
  reportId: string
  kind: CraKindColumn
  awareAt: string
  evidence: string
  measureAt: string | null
  filings: CraFilings
  drafts: Record<string, Record<string, string>>
  alertsSent: string[]
  wakeAt: string | null
  version: number
  createdBy: string
  createdAt: string
}

const evidenceContext = (id: string) => `cra_case.evidence|${id}`
const draftsContext = (id: string) => `cra_case.drafts|${id}`

export interface NewCraCase {
  id: string
  reportId: string
  kind: CraKindColumn
  awareAt: string
  evidence: string
  createdBy: string
  wakeAt: string | null
}

/** Inserts the case; false when the report already has one. */
export async function insertCraCase(tx: Tx, cipher: OrgCipher, orgId: string, c: NewCraCase, at: string): Promise<boolean> {
  const result = await tx
    .insertInto('cra_case')
    .values({
      id: c.id,
      org_id: orgId,
      report_id: c.reportId,
      kind: c.kind,
      aware_at: c.awareAt,
      evidence_enc: cipher.encrypt(c.evidence, evidenceContext(c.id)),
      wake_at: c.wakeAt,
      created_by: c.createdBy,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'report_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

type Row = {
  id: string
  report_id: string
  kind: CraKindColumn
  aware_at: string
  evidence_enc: string
  measure_at: string | null
  filings: string
  drafts_enc: string | null
  alerts_sent: string
  wake_at: string | null
  version: number
  created_by: string
  created_at: string
}

const open = (cipher: OrgCipher, r: Row): StoredCraCase => ({
  id: r.id,
  reportId: r.report_id,
  kind: r.kind,
  awareAt: r.aware_at,
  evidence: cipher.decrypt(r.evidence_enc, evidenceContext(r.id)),
  measureAt: r.measure_at,
  filings: JSON.parse(r.filings) as CraFilings,
  drafts: r.drafts_enc ? (JSON.parse(cipher.decrypt(r.drafts_enc, draftsContext(r.id))) as StoredCraCase['drafts']) : {},
  alertsSent: JSON.parse(r.alerts_sent) as string[],
  wakeAt: r.wake_at,
  version: r.version,
  createdBy: r.created_by,
  createdAt: r.created_at,
})

const columns = [
  'id',
  'report_id',
  'kind',
  'aware_at',
  'evidence_enc',
  'measure_at',
  'filings',
  'drafts_enc',
  'alerts_sent',
  'wake_at',
  'version',
  'created_by',
  'created_at',
] as const

export async function findCraCaseOfReport(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reportId: string,
): Promise<StoredCraCase | undefined> {
  const row = await db
    .selectFrom('cra_case')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .executeTakeFirst()
  return row && open(cipher, row)
}

export async function findCraCase(db: Executor, cipher: OrgCipher, orgId: string, id: string): Promise<StoredCraCase | undefined> {
  const row = await db.selectFrom('cra_case').select(columns).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  return row && open(cipher, row)
}

/** Every case of the organization with its report's reference and status, for the overview; the evidence stays sealed. */
export async function listCraCases(db: Executor, orgId: string) {
  const rows = await db
    .selectFrom('cra_case')
    .innerJoin('report', (j) => j.onRef('report.id', '=', 'cra_case.report_id').onRef('report.org_id', '=', 'cra_case.org_id'))
    .select([
      'cra_case.id',
      'cra_case.report_id',
      'cra_case.kind',
      'cra_case.aware_at',
      'cra_case.measure_at',
      'cra_case.filings',
      'report.ref',
      'report.status',
    ])
    .where('cra_case.org_id', '=', orgId)
    .orderBy('cra_case.aware_at', 'desc')
    .orderBy('cra_case.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    ref: r.ref,
    status: r.status,
    kind: r.kind,
    awareAt: r.aware_at,
    measureAt: r.measure_at,
    filings: JSON.parse(r.filings) as CraFilings,
  }))
}

export interface CraCaseChange {
  measureAt?: string
  filings?: CraFilings
  drafts?: StoredCraCase['drafts']
  alertsSent?: string[]
  wakeAt: string | null
}

/** Applies a change if the case is unchanged since it was read (`version`); false otherwise. */
export async function updateCraCase(
  tx: Tx,
  cipher: OrgCipher,
  orgId: string,
  id: string,
  expectedVersion: number,
  change: CraCaseChange,
  at: string,
): Promise<boolean> {
  const result = await tx
    .updateTable('cra_case')
    .set({
      ...(change.measureAt !== undefined ? { measure_at: change.measureAt } : {}),
      ...(change.filings !== undefined ? { filings: JSON.stringify(change.filings) } : {}),
      ...(change.drafts !== undefined ? { drafts_enc: cipher.encrypt(JSON.stringify(change.drafts), draftsContext(id)) } : {}),
      ...(change.alertsSent !== undefined ? { alerts_sent: JSON.stringify(change.alertsSent) } : {}),
      wake_at: change.wakeAt,
      updated_at: at,
      version: expectedVersion + 1,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Cases whose next alert has come, across the instance: the sweep works on each within its organization. */
export const listCraCasesToWake = (db: Executor, now: string, limit: number) => listDueWakes(db, 'cra_case', now, limit)

/** The earliest CRA wake time across the instance: the job loop sleeps until then. */
export const earliestCraWake = (db: Executor): Promise<string | undefined> => earliestWakeIn(db, 'cra_case')
