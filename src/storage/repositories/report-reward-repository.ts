/** The policy's rewards recorded per report (which one, the bounty if any) and when each was sent. */
import type { Executor, Tx } from '../db.js'

export interface StoredReward {
  id: string
  reportId: string
  rewardIndex: number
  kind: string
  amount: number | null
  currency: string | null
  sentAt: string | null
  createdAt: string
}

export async function listReportRewards(db: Executor, orgId: string, reportId: string): Promise<StoredReward[]> {
  const rows = await db
    .selectFrom('report_reward')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .orderBy('reward_index')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    rewardIndex: Number(r.reward_index),
    kind: r.kind,
    amount: r.amount === null ? null : Number(r.amount),
    currency: r.currency,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  }))
}

export interface NewReward {
  id: string
  reportId: string
  rewardIndex: number
  kind: string
  amount: number | null
  currency: string | null
  createdBy: string | null
}

/** Records a reward once per report; false when it was already recorded. */
export async function insertReward(tx: Tx, orgId: string, r: NewReward, at: string): Promise<boolean> {
  const row = await tx
    .insertInto('report_reward')
    .values({
      id: r.id,
      org_id: orgId,
      report_id: r.reportId,
      reward_index: r.rewardIndex,
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      sent_at: null,
      created_by: r.createdBy,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'report_id', 'reward_index']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return row !== undefined
}

/** Marks a recorded reward sent; the kind when it changed, undefined when unknown or already sent. */
export async function markRewardSent(tx: Tx, orgId: string, reportId: string, id: string, at: string): Promise<string | undefined> {
  const row = await tx
    .updateTable('report_reward')
    .set({ sent_at: at })
    .where('org_id', '=', orgId)
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .returning('kind')
    .executeTakeFirst()
  return row?.kind
}

/** The severity the team set on a report (what "non-trivial" and bounties by severity read). */
export async function findReportSeverity(db: Executor, orgId: string, reportId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('report').select('severity').where('org_id', '=', orgId).where('id', '=', reportId).executeTakeFirst()
  return row?.severity
}
