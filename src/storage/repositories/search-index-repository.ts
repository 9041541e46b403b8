/**
 * The queue's blind index (issue 14 item 5): the tokens of a report's searchable text (src/domain/
 * search/tokens.ts), each stored as HMAC-SHA256 under a key HKDF-derived from the organization's
 * data key for the purpose `report-search` only (`IndexingOrgCipher.blindIndex`). The database
 * never holds a word: equal words of one organization's reports give equal hashes (that is the
 * point, and what it reveals: docs/design.md, "Searching sealed reports"); another organization's
 * key gives other hashes, so nothing links across organizations.
 */
import { reportTokens } from '../../domain/search/tokens.js'
import type { IndexingOrgCipher } from '../cipher.js'
import type { Executor, Tx } from '../db.js'
import type { ReportFields } from './report-repository.js'

const purpose = 'report-search'
const chunk = 300

/** The stored form of a token: what the index holds and what a search looks up. */
export const searchKey = (cipher: IndexingOrgCipher, token: string): string => cipher.blindIndex(purpose, token)

/**
 * Indexes more searchable text of a report (its title and fields at receipt, each reporter
 * message, the reporter's address) in the caller's transaction; tokens already there stay.
 */
export async function indexReportText(
  tx: Tx,
  cipher: IndexingOrgCipher,
  orgId: string,
  reportId: string,
  texts: readonly string[],
  reporterAddress: string | null = null,
): Promise<void> {
  const rows = reportTokens(texts, reporterAddress).map((t) => ({ org_id: orgId, report_id: reportId, token: searchKey(cipher, t) }))
  for (let i = 0; i < rows.length; i += chunk) {
    await tx
      .insertInto('report_search_token')
      .values(rows.slice(i, i + chunk))
      .onConflict((oc) => oc.columns(['org_id', 'token', 'report_id']).doNothing())
      .execute()
  }
}

/** The searchable text of a report's fields (everything the reporter wrote in the form). */
export const fieldTexts = (f: Pick<ReportFields, 'description' | 'steps' | 'impact' | 'affectedVersion' | 'programFields'>): string[] => [
  f.description,
  f.steps,
  f.impact,
  f.affectedVersion,
  ...(f.programFields ?? []).map((p) => p.value),
]

/** Whether the organization's reports stored before the index existed were indexed already. */
export async function searchIndexBackfilled(db: Executor, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('search_index_state').select('org_id').where('org_id', '=', orgId).executeTakeFirst()
  return row !== undefined
}

/**
 * Indexes every report of the organization stored before the blind index existed (title, fields,
 * reporter address, reporter messages), once: the first search does it, in its own unit of work.
 * Pages through the reports by id so memory stays bounded. Reports received since are indexed
 * already; their tokens are left as they are.
 */
export async function backfillSearchIndex(tx: Tx, cipher: IndexingOrgCipher, orgId: string, at: string): Promise<number> {
  if (await searchIndexBackfilled(tx, orgId)) return 0
  let after = ''
  let count = 0
  for (;;) {
    const reports = await tx
      .selectFrom('report')
      .leftJoin('reporter', (j) => j.onRef('reporter.id', '=', 'report.reporter_id').onRef('reporter.org_id', '=', 'report.org_id'))
      .select(['report.id', 'report.title_enc', 'report.fields_enc', 'reporter.id as reporter_id', 'reporter.email_enc'])
      .where('report.org_id', '=', orgId)
      .where('report.id', '>', after)
      .orderBy('report.id')
      .limit(200)
      .execute()
    if (reports.length === 0) break
    const messages = await tx
      .selectFrom('message')
      .select(['id', 'report_id', 'body_enc'])
      .where('org_id', '=', orgId)
      .where('author_kind', '=', 'reporter')
      .where(
        'report_id',
        'in',
        reports.map((r) => r.id),
      )
      .execute()
    for (const r of reports) {
      const fields = JSON.parse(cipher.decrypt(r.fields_enc, `report.fields|${r.id}`)) as ReportFields
      const bodies = messages.filter((m) => m.report_id === r.id).map((m) => cipher.decrypt(m.body_enc, `message.body|${m.id}`))
      const address = r.email_enc === null || r.reporter_id === null ? null : cipher.decrypt(r.email_enc, `reporter.email|${r.reporter_id}`)
      await indexReportText(
        tx,
        cipher,
        orgId,
        r.id,
        [cipher.decrypt(r.title_enc, `report.title|${r.id}`), ...fieldTexts(fields), ...bodies],
        address,
      )
      count++
    }
    after = reports.at(-1)!.id
  }
  await tx
    .insertInto('search_index_state')
    .values({ org_id: orgId, backfilled_at: at })
    .onConflict((oc) => oc.column('org_id').doNothing())
    .execute()
  return count
}
