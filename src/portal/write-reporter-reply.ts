import type { Transition } from '../domain/report/report.js'
import type { IndexingOrgCipher } from '../storage/cipher.js'
import type { Tx } from '../storage/db.js'
import { newId } from '../storage/ids.js'
import { saveTransition } from '../storage/report-transition.js'
import { insertMessage } from '../storage/repositories/message-repository.js'
import type { StoredReport } from '../storage/repositories/report-repository.js'
import { unitInTransaction } from '../storage/unit-in-transaction.js'
import type { Unit } from '../storage/unit-of-work.js'

/**
 * The rows of a reporter's reply (message, timeline event) in the caller's unit of work; also used
 * by mail ingestion, which commits them with the stored mail's state. Returns the message id.
 *
 * Still takes mail ingestion's bare transaction too (`tx, cipher, report, t, body, at`): the
 * events and due times are then written in that transaction before this returns.
 */
export async function writeReporterReply(u: Unit, report: StoredReport, t: Transition, body: string): Promise<string>
export async function writeReporterReply(
  tx: Tx,
  cipher: IndexingOrgCipher,
  report: StoredReport,
  t: Transition,
  body: string,
  at: string,
): Promise<string>
export async function writeReporterReply(
  ...args: [Unit, StoredReport, Transition, string] | [Tx, IndexingOrgCipher, StoredReport, Transition, string, string]
) {
  if (args.length === 6) {
    const [tx, cipher, report, t, body, at] = args
    return unitInTransaction(tx, { id: report.orgId, cipher, at }, (u) => writeReporterReply(u, report, t, body))
  }
  const [u, report, t, body] = args
  const id = newId()
  await insertMessage(u.tx, u.cipher, report.orgId, {
    id,
    reportId: report.id,
    authorKind: 'reporter',
    authorUserId: null,
    visibility: 'reporter',
    body,
    createdAt: u.at,
  })
  await saveTransition(u, report, t, null)
  return id
}
