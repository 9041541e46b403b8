/**
 * Advisories (src/domain/advisory): the advisory row, its linked reports, its revisions and the
 * counters its ids come from. Every query is filtered by organization.
 *
 * The content (title, texts, affected products, credits, CVE…) is sealed like report text, in the
 * advisory row and in every revision's snapshot; AAD `advisory.content|<id>` and
 * `advisory.revision|<revision id>`. Only what the organization published is kept in clear
 * (`published_json`): it is on the public pages from that moment, and the exports and public pages
 * read it through `listPublishedAdvisories` / `findPublishedAdvisory` without the organization's key.
 */
import type { AdvisoryState, PublishedAdvisory } from '../../domain/advisory/advisory.js'
import type { AdvisoryContent } from '../../domain/advisory/content.js'
import type { EventActor } from '../../domain/events.js'
import type { OrgCipher } from '../cipher.js'
import { acrossOrganizations, type Executor, type Tx } from '../db.js'
import { newId } from '../ids.js'
import type { AdvisoryTable } from '../schema.js'

export interface StoredAdvisory {
  id: string
  orgId: string
  ownId: string
  state: AdvisoryState
  revision: number
  content: AdvisoryContent
  gcve: string | null
  submittedBy: string | null
  approvedBy: string | null
  scheduledFor: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  withdrawnReason: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
  version: number
  /** The planned release (set by src/partners/use-cases/plan-release.ts); null or absent: none planned. */
  releaseAt?: string | null
  /** When the fix was recorded merged publicly (src/partners/use-cases/record-public-merge.ts); null or absent: not yet. */
  mergedAt?: string | null
}

const contentContext = (id: string) => `advisory.content|${id}`
const reasonContext = (id: string) => `advisory.withdrawn_reason|${id}`
const revisionContext = (id: string) => `advisory.revision|${id}`

type Row = { [K in keyof AdvisoryTable]: AdvisoryTable[K] extends { __select__: infer S } ? S : AdvisoryTable[K] }

function open(cipher: OrgCipher, row: Row): StoredAdvisory {
  return {
    id: row.id,
    orgId: row.org_id,
    ownId: row.own_id,
    state: row.state as AdvisoryState,
    revision: Number(row.revision),
    content: JSON.parse(cipher.decrypt(row.content_enc, contentContext(row.id))) as AdvisoryContent,
    gcve: row.gcve,
    submittedBy: row.submitted_by,
    approvedBy: row.approved_by,
    scheduledFor: row.scheduled_for,
    publishedAt: row.published_at,
    withdrawnAt: row.withdrawn_at,
    withdrawnReason: row.withdrawn_reason_enc === null ? null : cipher.decrypt(row.withdrawn_reason_enc, reasonContext(row.id)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: Number(row.version),
    releaseAt: row.release_at ?? null,
    mergedAt: row.merged_at ?? null,
  }
}

export async function insertAdvisory(tx: Tx, cipher: OrgCipher, a: Omit<StoredAdvisory, 'version'>): Promise<void> {
  await tx
    .insertInto('advisory')
    .values({
      id: a.id,
      org_id: a.orgId,
      own_id: a.ownId,
      state: a.state,
      revision: a.revision,
      content_enc: cipher.encrypt(JSON.stringify(a.content), contentContext(a.id)),
      gcve: a.gcve,
      submitted_by: a.submittedBy,
      approved_by: a.approvedBy,
      scheduled_for: a.scheduledFor,
      published_at: a.publishedAt,
      withdrawn_at: a.withdrawnAt,
      withdrawn_reason_enc: a.withdrawnReason === null ? null : cipher.encrypt(a.withdrawnReason, reasonContext(a.id)),
      created_by: a.createdBy,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute()
}

export async function findAdvisory(db: Executor, cipher: OrgCipher, orgId: string, ownId: string): Promise<StoredAdvisory | undefined> {
  const row = await db.selectFrom('advisory').selectAll().where('org_id', '=', orgId).where('own_id', '=', ownId).executeTakeFirst()
  return row && open(cipher, row)
}

export async function findAdvisoryById(db: Executor, cipher: OrgCipher, orgId: string, id: string): Promise<StoredAdvisory | undefined> {
  const row = await db.selectFrom('advisory').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
  return row && open(cipher, row)
}

/** The organization's advisories, most recently changed first (at most `limit`). */
export async function listAdvisories(db: Executor, cipher: OrgCipher, orgId: string, limit = 500): Promise<StoredAdvisory[]> {
  const rows = await db
    .selectFrom('advisory')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => open(cipher, row))
}

export interface AdvisoryWrite {
  state: AdvisoryState
  revision: number
  content: AdvisoryContent
  gcve: string | null
  submittedBy: string | null
  approvedBy: string | null
  scheduledFor: string | null
  publishedAt: string | null
  withdrawnAt: string | null
  withdrawnReason: string | null
  /** The public record, written when the advisory is (re)published or withdrawn; undefined leaves it. */
  published?: PublishedAdvisory
  updatedAt: string
}

/**
 * Writes the advisory if nobody changed it since it was read (optimistic lock on `version`): the
 * conditional UPDATE is what makes a scheduled publication run exactly once when several
 * processes race for it. Returns false when someone else got there first.
 */
export async function updateAdvisory(tx: Tx, cipher: OrgCipher, orgId: string, id: string, expectedVersion: number, w: AdvisoryWrite) {
  const result = await tx
    .updateTable('advisory')
    .set((eb) => ({
      state: w.state,
      revision: w.revision,
      content_enc: cipher.encrypt(JSON.stringify(w.content), contentContext(id)),
      gcve: w.gcve,
      submitted_by: w.submittedBy,
      approved_by: w.approvedBy,
      scheduled_for: w.scheduledFor,
      published_at: w.publishedAt,
      withdrawn_at: w.withdrawnAt,
      withdrawn_reason_enc: w.withdrawnReason === null ? null : cipher.encrypt(w.withdrawnReason, reasonContext(id)),
      ...(w.published ? { published_json: JSON.stringify(w.published) } : {}),
      updated_at: w.updatedAt,
      version: eb('version', '+', 1),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Links a report; false when it was linked already. */
export async function linkAdvisoryReport(tx: Tx, orgId: string, advisoryId: string, reportId: string, at: string): Promise<boolean> {
  const existing = await tx
    .selectFrom('advisory_report')
    .select('report_id')
    .where('org_id', '=', orgId)
    .where('advisory_id', '=', advisoryId)
    .where('report_id', '=', reportId)
    .executeTakeFirst()
  if (existing) return false
  await tx.insertInto('advisory_report').values({ advisory_id: advisoryId, org_id: orgId, report_id: reportId, linked_at: at }).execute()
  return true
}

/** The reports an advisory covers, with what the need-to-know rule and the workflow need (no text). */
export const listAdvisoryReports = (db: Executor, orgId: string, advisoryId: string) =>
  db
    .selectFrom('advisory_report')
    .innerJoin('report', 'report.id', 'advisory_report.report_id')
    .select(['report.id', 'report.ref', 'report.status', 'report.assignee_id', 'report.policy_version_id'])
    .where('advisory_report.org_id', '=', orgId)
    .where('report.org_id', '=', orgId)
    .where('advisory_report.advisory_id', '=', advisoryId)
    .orderBy('report.received_at')
    .execute()

/** The advisories a report is linked to, for its page. */
export const listAdvisoriesOfReport = (db: Executor, orgId: string, reportId: string) =>
  db
    .selectFrom('advisory_report')
    .innerJoin('advisory', 'advisory.id', 'advisory_report.advisory_id')
    .select(['advisory.id', 'advisory.own_id as ownId', 'advisory.state'])
    .where('advisory_report.org_id', '=', orgId)
    .where('advisory.org_id', '=', orgId)
    .where('advisory_report.report_id', '=', reportId)
    .orderBy('advisory.created_at')
    .execute()

export interface RevisionInput {
  advisoryId: string
  action: string
  actor: EventActor
  state: AdvisoryState
  revision: number
  changed: string[]
  content: AdvisoryContent & { gcve?: string }
  at: string
}

/** Appends a revision; runs in the unit that changed the advisory row (whose version lock orders them). */
export async function appendAdvisoryRevision(tx: Tx, cipher: OrgCipher, orgId: string, r: RevisionInput): Promise<number> {
  const last = await tx
    .selectFrom('advisory_revision')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('org_id', '=', orgId)
    .where('advisory_id', '=', r.advisoryId)
    .executeTakeFirst()
  const seq = Number(last?.seq ?? 0) + 1
  const id = newId()
  await tx
    .insertInto('advisory_revision')
    .values({
      id,
      org_id: orgId,
      advisory_id: r.advisoryId,
      seq,
      action: r.action,
      actor_kind: r.actor.kind,
      actor_id: r.actor.kind === 'user' ? r.actor.id : null,
      state: r.state,
      revision: r.revision,
      changed: JSON.stringify(r.changed),
      content_enc: cipher.encrypt(JSON.stringify(r.content), revisionContext(id)),
      created_at: r.at,
    })
    .execute()
  return seq
}

export interface RevisionEntry {
  seq: number
  action: string
  actorKind: string
  actorId: string | null
  state: AdvisoryState
  revision: number
  changed: string[]
  at: string
}

/** The revision list (oldest first), without content. */
export async function listAdvisoryRevisions(db: Executor, orgId: string, advisoryId: string): Promise<RevisionEntry[]> {
  const rows = await db
    .selectFrom('advisory_revision')
    .select(['seq', 'action', 'actor_kind', 'actor_id', 'state', 'revision', 'changed', 'created_at'])
    .where('org_id', '=', orgId)
    .where('advisory_id', '=', advisoryId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    seq: Number(r.seq),
    action: r.action,
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    state: r.state as AdvisoryState,
    revision: Number(r.revision),
    changed: JSON.parse(r.changed) as string[],
    at: r.created_at,
  }))
}

/** One revision's content. */
export async function findAdvisoryRevision(db: Executor, cipher: OrgCipher, orgId: string, advisoryId: string, seq: number) {
  const row = await db
    .selectFrom('advisory_revision')
    .select(['id', 'content_enc'])
    .where('org_id', '=', orgId)
    .where('advisory_id', '=', advisoryId)
    .where('seq', '=', seq)
    .executeTakeFirst()
  return row && (JSON.parse(cipher.decrypt(row.content_enc, revisionContext(row.id))) as AdvisoryContent & { gcve?: string })
}

/**
 * The next number of a series (the organization's own advisory ids, or its GCVE ids) for a year:
 * an upsert (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), race-free on both dialects and rolled
 * back with a failed unit (no gaps from failures), like report references.
 */
export async function nextAdvisoryNumber(tx: Tx, orgId: string, series: 'own' | 'gcve', year: number): Promise<number> {
  const row = await tx
    .insertInto('advisory_counter')
    .values({ org_id: orgId, series, year, last: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'series', 'year']).doUpdateSet((eb) => ({ last: eb('advisory_counter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow()
  return Number(row.last)
}

/** Scheduled advisories whose time has come, of every organization (the publication scheduler). */
export const listDueScheduledAdvisories = (db: Executor, now: string, limit: number) =>
  // Across organizations: the scheduler serves every organization of the instance; each is then handled in its own unit.
  acrossOrganizations(db)
    .selectFrom('advisory')
    .select(['id', 'org_id', 'own_id'])
    .where('state', '=', 'scheduled')
    .where('scheduled_for', '<=', now)
    .orderBy('scheduled_for')
    .limit(limit)
    .execute()

/** When the next scheduled publication is due, of every organization (the scheduler's timer). */
export async function earliestScheduledPublication(db: Executor): Promise<string | undefined> {
  // Across organizations: the scheduler's timer serves the whole instance.
  const row = await acrossOrganizations(db)
    .selectFrom('advisory')
    .select((eb) => eb.fn.min('scheduled_for').as('at'))
    .where('state', '=', 'scheduled')
    .executeTakeFirst()
  return row?.at ? String(row.at) : undefined
}

/** The organization's published (and withdrawn) advisories as the public sees them, newest publication first. */
export async function listPublishedAdvisories(db: Executor, orgId: string): Promise<PublishedAdvisory[]> {
  const rows = await db
    .selectFrom('advisory')
    .select('published_json')
    .where('org_id', '=', orgId)
    .where('published_json', 'is not', null)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => JSON.parse(r.published_json as string) as PublishedAdvisory)
}

/** One published (or withdrawn) advisory by its own id, as the public sees it. */
export async function findPublishedAdvisory(db: Executor, orgId: string, ownId: string): Promise<PublishedAdvisory | undefined> {
  const row = await db
    .selectFrom('advisory')
    .select('published_json')
    .where('org_id', '=', orgId)
    .where('own_id', '=', ownId)
    .where('published_json', 'is not', null)
    .executeTakeFirst()
  return row?.published_json ? (JSON.parse(row.published_json) as PublishedAdvisory) : undefined
}

/** Whether the organization has a public advisory (published or withdrawn): its CSAF provider is then named in security.txt. */
export async function hasPublicAdvisories(db: Executor, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('advisory')
    .select('id')
    .where('org_id', '=', orgId)
    .where('published_json', 'is not', null)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** Sets the advisory's planned release (partners and release windows count back from it); not a revision of its content. */
export async function setAdvisoryRelease(tx: Tx, orgId: string, advisoryId: string, releaseAt: string | null): Promise<void> {
  await tx.updateTable('advisory').set({ release_at: releaseAt }).where('org_id', '=', orgId).where('id', '=', advisoryId).execute()
}

/** Records the fix merged publicly at `at`, once: false when it was already recorded. */
export async function setAdvisoryMerged(tx: Tx, orgId: string, advisoryId: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('advisory')
    .set({ merged_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', advisoryId)
    .where('merged_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Marks the team told that the public-merge window of the release planned at `releaseAt` opened:
 * conditional, so two job runs (or two processes) tell the team once per planned release.
 */
export async function markMergeWindowAlerted(tx: Tx, orgId: string, advisoryId: string, releaseAt: string): Promise<boolean> {
  const result = await tx
    .updateTable('advisory')
    .set({ merge_alerted_for: releaseAt })
    .where('org_id', '=', orgId)
    .where('id', '=', advisoryId)
    .where('release_at', '=', releaseAt)
    .where('merged_at', 'is', null)
    .where((eb) => eb.or([eb('merge_alerted_for', 'is', null), eb('merge_alerted_for', '<>', releaseAt)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Advisories across organizations whose public-merge window may have opened and whose team was
 * not told yet for the current plan: a release planned after `now`, not merged, not public. The
 * window itself depends on each organization's policy; the job decides.
 */
export async function listMergeWindowCandidates(db: Executor, now: string, limit: number) {
  return acrossOrganizations(db)
    .selectFrom('advisory')
    .select(['id', 'org_id', 'release_at'])
    .where('release_at', '>', now)
    .where('merged_at', 'is', null)
    .where('published_at', 'is', null)
    .where('state', 'not in', ['published', 'withdrawn'])
    .where((eb) => eb.or([eb('merge_alerted_for', 'is', null), eb('merge_alerted_for', '<>', eb.ref('release_at'))]))
    .orderBy('release_at')
    .limit(limit)
    .execute()
}
