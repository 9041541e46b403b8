import type { DomainEvent } from '../domain/events.js'
import type { Keyring } from './cipher.js'
import { acrossOrganizations, type Tx } from './db.js'
import { appendEvents } from './repositories/event-repository.js'
import { enqueueOutbox, type OutboxItem } from './repositories/outbox-repository.js'
import type { WriteQueue } from './write-queue.js'

/**
 * A change of one person's account (password, sessions), which belongs to no single organization:
 * it runs in the write queue like a unit of work, and the events it records are appended to the
 * log of EVERY organization the person belongs to at the commit, in the same transaction, so each
 * organization's audit trail shows what happened to its member. Mail goes through the outbox of an
 * organization the change names (`send`). A failed `Result` rolls the whole change back.
 */
export interface AccountUnit {
  readonly tx: Tx
  readonly at: string
  record(...events: DomainEvent[]): void
  send(orgId: string, ...items: OutboxItem[]): void
}

class Refused {
  constructor(readonly result: unknown) {}
}

const isFailedResult = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'ok' in value && (value as { ok: unknown }).ok === false

export async function runAccountUnit<T>(
  deps: { writes: WriteQueue; keyring: Keyring; now: () => Date },
  userId: string,
  change: (unit: AccountUnit) => Promise<T>,
): Promise<T> {
  const at = deps.now().toISOString()
  try {
    return await deps.writes.transaction(async (tx) => {
      const events: DomainEvent[] = []
      const outbox = new Map<string, OutboxItem[]>()
      const result = await change({
        tx,
        at,
        record: (...more) => void events.push(...more),
        send: (orgId, ...more) => void outbox.set(orgId, [...(outbox.get(orgId) ?? []), ...more]),
      })
      if (isFailedResult(result)) throw new Refused(result)
      // Across organizations: a person's account spans every organization they belong to.
      const orgs = await acrossOrganizations(tx)
        .selectFrom('membership')
        .innerJoin('organization', 'organization.id', 'membership.org_id')
        .select(['organization.id', 'organization.data_key_wrapped'])
        .where('membership.user_id', '=', userId)
        .orderBy('organization.id')
        .execute()
      for (const org of orgs) {
        await appendEvents(
          tx,
          org.id,
          events.map((e) => ({
            reportId: null,
            actorKind: e.actor.kind,
            actorId: e.actor.kind === 'user' ? e.actor.id : null,
            type: e.type,
            data: e.data,
            at: e.at,
          })),
        )
      }
      for (const [orgId, items] of outbox) {
        const org = orgs.find((o) => o.id === orgId)
        if (!org) throw new Error('account unit: mail through an organization the person does not belong to')
        await enqueueOutbox(tx, org.id, deps.keyring.forOrg(org.id, org.data_key_wrapped), items, at)
      }
      return result
    })
  } catch (error) {
    if (error instanceof Refused) return error.result as T
    throw error
  }
}
