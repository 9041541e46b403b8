import { accessEventTypes, type DomainEvent } from '../domain/events.js'
import type { IndexingOrgCipher, Keyring } from './cipher.js'
import type { Tx } from './db.js'
import { refreshReportClocks } from './report-clocks.js' // moves into storage with the reshape
import { appendEvents } from './repositories/event-repository.js'
import { enqueueOutbox, type OutboxItem } from './repositories/outbox-repository.js'
import type { WriteQueue } from './write-queue.js'

/**
 * The one way to change an organization's data. A unit of work runs the change in the write
 * queue (group commit on SQLite, a transaction on PostgreSQL) and, when the change succeeds,
 * writes the events it recorded to the organization's hash-chained log, its outbox rows, and the
 * due times of every report an event touched — all in the same commit, so nothing is written
 * without its audit trail and no mail is sent for a change that rolled back.
 *
 * A change that returns a failed `Result` (`{ ok: false }`) is rolled back whole and its result
 * returned: use cases answer refusals with values, and nothing of a refused change remains.
 */
export interface Unit {
  /** For repositories: the transaction the change runs in. */
  readonly tx: Tx
  readonly orgId: string
  readonly cipher: IndexingOrgCipher
  /** The instant of the change (ISO-8601 UTC), the same for every row and event it writes. */
  readonly at: string
  /** Events to append to the log when the change succeeds, in order. */
  record(...events: DomainEvent[]): void
  /** Side effects to deliver after the commit (mail, webhooks), sealed like report text. */
  send(...items: OutboxItem[]): void
  /** Recompute this report's due times at the commit although no event names it (the clock sweep, when nothing was due after all). */
  touch(reportId: string): void
}

export interface UnitDeps {
  writes: WriteQueue
  keyring: Keyring
  now: () => Date
}

export interface UnitOrg {
  id: string
  data_key_wrapped: string
}

/** Thrown inside the transaction to roll back a refused change and hand its result out. */
class Refused {
  constructor(readonly result: unknown) {}
}

const isFailedResult = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false

export async function runUnit<T>(
  deps: UnitDeps,
  org: UnitOrg,
  change: (unit: Unit) => Promise<T>,
  options: { at?: string } = {},
): Promise<T> {
  const cipher = deps.keyring.forOrg(org.id, org.data_key_wrapped)
  // The instant of the change; a job acting for a given moment (the clock sweep) names it.
  const at = options.at ?? deps.now().toISOString()
  try {
    return await deps.writes.transaction(async (tx) => {
      const events: DomainEvent[] = []
      const outbox: OutboxItem[] = []
      const touched = new Set<string>()
      const unit: Unit = {
        tx,
        orgId: org.id,
        cipher,
        at,
        record: (...more) => void events.push(...more),
        send: (...more) => void outbox.push(...more),
        touch: (reportId) => void touched.add(reportId),
      }
      const result = await change(unit)
      if (isFailedResult(result)) throw new Refused(result)
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
      await enqueueOutbox(tx, org.id, cipher, outbox, at)
      // The events may have met, started or paused clocks: store the new due times with them.
      // A read or a download moves no clock: recording it is one insert, not a recomputation.
      for (const e of events) if (e.reportId && !accessEventTypes.includes(e.type)) touched.add(e.reportId)
      for (const reportId of touched) await refreshReportClocks(tx, org.id, reportId, at)
      return result
    })
  } catch (error) {
    if (error instanceof Refused) return error.result as T
    throw error
  }
}
