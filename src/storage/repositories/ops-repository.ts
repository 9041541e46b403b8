import { sql } from 'kysely'
import { acrossOrganizations, type Db } from '../db.js'

/** What `/metrics` reports of the whole instance, read from the database at each scrape. */
export interface InstanceFigures {
  /** Reports ever received, by channel (web, api, email, external). */
  reportsByChannel: Array<{ channel: string; count: number }>
  /** Mail stored by the listener or the poller, by source and where it stands now. */
  inboundMail: Array<{ source: string; state: string; count: number }>
  /** Outbox rows not yet delivered nor given up, by kind, with the oldest one's creation time. */
  outboxPending: Array<{ kind: string; count: number; oldestAt: string }>
  /** Outbox rows given up on (the dead-letter list), by kind. */
  outboxDead: Array<{ kind: string; count: number }>
  /** The earliest moment a report's clocks asked to be woken at, if any report is waiting. */
  earliestWakeAt: string | null
}

/**
 * Counts across every organization, by design: operators see the instance, never an
 * organization's rows (nothing here carries a reference, an address or a text).
 */
export async function readInstanceFigures(db: Db): Promise<InstanceFigures> {
  const all = acrossOrganizations(db)
  const [reports, mail, pending, dead, wake] = await Promise.all([
    all
      .selectFrom('report')
      .select(['channel', sql<number>`count(*)`.as('count')])
      .groupBy('channel')
      .execute(),
    all
      .selectFrom('inbound_mail')
      .select(['source', 'state', sql<number>`count(*)`.as('count')])
      .groupBy(['source', 'state'])
      .execute(),
    all
      .selectFrom('outbox')
      .select(['kind', sql<number>`count(*)`.as('count'), sql<string>`min(created_at)`.as('oldestAt')])
      .where('done_at', 'is', null)
      .where('dead_at', 'is', null)
      .groupBy('kind')
      .execute(),
    all
      .selectFrom('outbox')
      .select(['kind', sql<number>`count(*)`.as('count')])
      .where('dead_at', 'is not', null)
      .groupBy('kind')
      .execute(),
    all.selectFrom('report').select(sql<string | null>`min(wake_at)`.as('at')).executeTakeFirst(),
  ])
  return {
    reportsByChannel: reports.map((r) => ({ channel: r.channel, count: Number(r.count) })),
    inboundMail: mail.map((r) => ({ source: r.source, state: r.state, count: Number(r.count) })),
    outboxPending: pending.map((r) => ({ kind: r.kind, count: Number(r.count), oldestAt: new Date(r.oldestAt).toISOString() })),
    outboxDead: dead.map((r) => ({ kind: r.kind, count: Number(r.count) })),
    earliestWakeAt: wake?.at ? new Date(wake.at).toISOString() : null,
  }
}

/** Answers when the database answers a trivial query; throws what the driver threw otherwise. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

/** Any one organization's wrapped data key: readiness checks that the loaded master key opens it. */
export async function anyWrappedDataKey(db: Db): Promise<{ id: string; data_key_wrapped: string } | undefined> {
  return acrossOrganizations(db).selectFrom('organization').select(['id', 'data_key_wrapped']).orderBy('id').limit(1).executeTakeFirst()
}
