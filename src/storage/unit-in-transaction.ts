import type { DomainEvent } from '../domain/events.js'
import type { IndexingOrgCipher } from './cipher.js'
import type { Tx } from './db.js'
import { refreshReportClocks } from './report-clocks.js'
import { appendEvents } from './repositories/event-repository.js'
import { enqueueOutbox, type OutboxItem } from './repositories/outbox-repository.js'
import type { Unit } from './unit-of-work.js'

/**
 * A unit of work inside a transaction someone else already opened (a channel that commits its own
 * rows with a use case's, like mail ingestion before it moves to `runUnit`): the change runs, then
 * its events, outbox rows and due times are written in that same transaction, as `runUnit` does.
 */
export async function unitInTransaction<T>(
  tx: Tx,
  org: { id: string; cipher: IndexingOrgCipher; at: string },
  change: (unit: Unit) => Promise<T>,
): Promise<T> {
  const events: DomainEvent[] = []
  const outbox: OutboxItem[] = []
  const unit: Unit = {
    tx,
    orgId: org.id,
    cipher: org.cipher,
    at: org.at,
    record: (...more) => void events.push(...more),
    send: (...more) => void outbox.push(...more),
  }
  const result = await change(unit)
  await appendEvents(
    tx,
    org.id,
    events.map((e) => ({
      reportId: e.reportId,
      actorKind: e.actor.kind,
      actorId: e.actor.kind === 'user' ? e.actor.id : null,
      type: e.type,
      data: e.data,
      at: e.at,
    })),
  )
  await enqueueOutbox(tx, org.id, org.cipher, outbox, org.at)
  const touched = new Set(events.flatMap((e) => (e.reportId ? [e.reportId] : [])))
  for (const reportId of touched) await refreshReportClocks(tx, org.id, reportId, org.at)
  return result
}
