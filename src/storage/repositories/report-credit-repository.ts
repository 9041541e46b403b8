/**
 * Credit lines on reports, their consent state, and the public lists built from them. Names are
 * sealed (a reporter's name or pseudonym is report text); the public lists ask the one consent
 * rule (src/domain/advisory/credit-consent.ts) under the organization's current policy AND the
 * policy each report was received under, so a policy change never names someone the old one kept
 * anonymous.
 */
import type { Credit, CreditRole } from '../../domain/advisory/advisory.js'
import {
  type CreditConsent,
  hallOfFameEntryOf,
  type IntakeWish,
  publicCreditUnder,
  type RecognitionSettings,
  type ReportCredit,
} from '../../domain/advisory/credit-consent.js'
import type { OrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import type { ReportCreditTable } from '../schema.js'
import { currentPolicy, policyOfVersion } from './policy-repository.js'

export interface StoredCredit extends ReportCredit {
  id: string
  reportId: string
  createdAt: string
  answeredAt: string | null
}

const nameContext = (id: string) => `report_credit.name|${id}`

function open(cipher: OrgCipher, row: ReportCreditTable): StoredCredit {
  return {
    id: row.id,
    reportId: row.report_id,
    subject: row.subject,
    name: cipher.decrypt(row.name_enc, nameContext(row.id)),
    role: row.role as CreditRole,
    consent: row.consent,
    intake: row.intake,
    createdAt: row.created_at,
    answeredAt: row.answered_at,
  }
}

export async function listReportCredits(db: Executor, cipher: OrgCipher, orgId: string, reportId: string): Promise<StoredCredit[]> {
  const rows = await db
    .selectFrom('report_credit')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => open(cipher, r))
}

export async function findReporterCredit(
  db: Executor,
  cipher: OrgCipher,
  orgId: string,
  reportId: string,
): Promise<StoredCredit | undefined> {
  const row = await db
    .selectFrom('report_credit')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('subject', '=', 'reporter')
    .executeTakeFirst()
  return row && open(cipher, row)
}

export interface NewCredit {
  id: string
  reportId: string
  subject: 'reporter' | 'other'
  name: string
  role: CreditRole
  consent: CreditConsent
  intake: IntakeWish
  createdBy: string | null
}

export async function insertCredit(tx: Tx, cipher: OrgCipher, orgId: string, c: NewCredit, at: string): Promise<void> {
  await tx
    .insertInto('report_credit')
    .values({
      id: c.id,
      org_id: orgId,
      report_id: c.reportId,
      subject: c.subject,
      name_enc: cipher.encrypt(c.name, nameContext(c.id)),
      role: c.role,
      consent: c.consent,
      intake: c.intake,
      created_by: c.createdBy,
      created_at: at,
      updated_at: at,
      answered_at: null,
    })
    .execute()
}

/** A new proposal of the reporter's credit line: the reporter's earlier answer no longer stands. */
export async function reproposeCredit(
  tx: Tx,
  cipher: OrgCipher,
  orgId: string,
  id: string,
  c: { name: string; role: CreditRole; intake: IntakeWish },
  at: string,
): Promise<void> {
  await tx
    .updateTable('report_credit')
    .set({
      name_enc: cipher.encrypt(c.name, nameContext(id)),
      role: c.role,
      intake: c.intake,
      consent: 'proposed',
      updated_at: at,
      answered_at: null,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

/** The reporter's answer: accepted (under `name`) or declined. */
export async function answerCredit(
  tx: Tx,
  cipher: OrgCipher,
  orgId: string,
  id: string,
  answer: { consent: 'accepted'; name: string } | { consent: 'declined' },
  at: string,
): Promise<void> {
  await tx
    .updateTable('report_credit')
    .set({
      consent: answer.consent,
      ...(answer.consent === 'accepted' ? { name_enc: cipher.encrypt(answer.name, nameContext(id)) } : {}),
      updated_at: at,
      answered_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute()
}

export async function deleteCredit(tx: Tx, orgId: string, reportId: string, id: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('report_credit')
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Every credit of these reports with the report's status, receipt and policy version. */
async function creditsWithReports(db: Executor, cipher: OrgCipher, orgId: string, reportIds?: readonly string[]) {
  if (reportIds?.length === 0) return []
  let query = db
    .selectFrom('report_credit')
    .innerJoin('report', 'report.id', 'report_credit.report_id')
    .selectAll('report_credit')
    .select(['report.status as report_status', 'report.received_at as report_received_at', 'report.policy_version_id as report_policy'])
    .where('report_credit.org_id', '=', orgId)
    .where('report.org_id', '=', orgId)
  if (reportIds) query = query.where('report_credit.report_id', 'in', reportIds)
  const rows = await query.orderBy('report.received_at').orderBy('report_credit.created_at').orderBy('report_credit.id').execute()
  const current = (await currentPolicy(db, orgId))?.policy.recognition as RecognitionSettings | undefined
  const byVersion = new Map<string | null, RecognitionSettings | undefined>()
  const out = []
  for (const row of rows) {
    if (!byVersion.has(row.report_policy)) {
      byVersion.set(
        row.report_policy,
        (await policyOfVersion(db, orgId, row.report_policy))?.recognition as RecognitionSettings | undefined,
      )
    }
    out.push({
      credit: open(cipher, row),
      status: row.report_status,
      receivedAt: row.report_received_at,
      policies: row.report_policy === null ? [current] : [current, byVersion.get(row.report_policy)],
      current,
    })
  }
  return out
}

/**
 * The credit lines of these reports that may be named publicly (in an advisory and its exports):
 * the reporter's only with the consent the policy promises, each name once per role.
 */
export async function consentedCredits(db: Executor, cipher: OrgCipher, orgId: string, reportIds: readonly string[]): Promise<Credit[]> {
  const seen = new Set<string>()
  const credits: Credit[] = []
  for (const row of await creditsWithReports(db, cipher, orgId, reportIds)) {
    const line = publicCreditUnder(row.credit, row.policies)
    const key = line && JSON.stringify([line.name, line.role])
    if (!line || !key || seen.has(key)) continue
    seen.add(key)
    credits.push(line)
  }
  return credits
}

/** Reports whose vulnerability may be acknowledged in public: fixed or disclosed (never one still open or rejected). */
const settledStatuses = new Set(['fixed', 'disclosed'])

/**
 * The hall of fame: reporters' consented credits on settled reports, by the year the report was
 * received, newest year first. Empty when the current policy keeps no hall of fame.
 */
export async function hallOfFame(db: Executor, cipher: OrgCipher, orgId: string): Promise<Array<{ year: number; credits: Credit[] }>> {
  const years = new Map<number, Credit[]>()
  const seen = new Set<string>()
  for (const row of await creditsWithReports(db, cipher, orgId)) {
    if (!settledStatuses.has(row.status)) continue
    // The hall itself is the current policy's; the credit must also be public under the report's own.
    const entry = hallOfFameEntryOf(row.credit, row.current) && publicCreditUnder(row.credit, row.policies)
    if (!entry) continue
    const year = Number(row.receivedAt.slice(0, 4))
    const key = JSON.stringify([year, entry.name, entry.role])
    if (seen.has(key)) continue
    seen.add(key)
    years.set(year, [...(years.get(year) ?? []), entry])
  }
  return [...years].sort(([a], [b]) => b - a).map(([year, credits]) => ({ year, credits }))
}
