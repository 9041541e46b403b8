import type { Transition } from '../domain/report/report.js'
import { newId } from '../storage/ids.js'
import { saveTransition } from '../storage/report-transition.js'
import { insertMessage } from '../storage/repositories/message-repository.js'
import type { StoredReport } from '../storage/repositories/report-repository.js'
import { indexReportText } from '../storage/repositories/search-index-repository.js'
import type { Unit } from '../storage/unit-of-work.js'

/**
 * The rows of a reporter's reply (message, timeline event) in the caller's unit of work; also used
 * by mail ingestion, which commits them with the stored mail's state. Returns the message id.
 */
export async function writeReporterReply(u: Unit, report: StoredReport, t: Transition, body: string): Promise<string> {
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
  // The reply's words become searchable in the queue (blind index), in the same commit.
  await indexReportText(u.tx, u.cipher, report.orgId, report.id, [body])
  await saveTransition(u, report, t, null)
  return id
}
