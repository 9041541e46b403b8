import type { OrgCipher } from '../cipher.js'
import type { Tx } from '../db.js'
import { newId } from '../ids.js'

export interface OutboxItem {
  kind: string
  payload: Record<string, unknown>
}

/**
 * Queues side effects (mail, webhooks) in the same transaction as the change that causes them,
 * so a crash can neither send for a change that rolled back nor lose one that committed.
 * Payloads name recipients and may quote report text, so they are sealed like report text.
 */
export async function enqueueOutbox(tx: Tx, orgId: string, cipher: OrgCipher, items: OutboxItem[], now: string): Promise<void> {
  if (items.length === 0) return
  await tx
    .insertInto('outbox')
    .values(
      items.map((item) => {
        const id = newId()
        return {
          id,
          org_id: orgId,
          kind: item.kind,
          payload_enc: cipher.encrypt(JSON.stringify(item.payload), `outbox.payload|${id}`),
          next_attempt_at: now,
          done_at: null,
          last_error: null,
          created_at: now,
        }
      }),
    )
    .execute()
}
