import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { retryDeadMail as requeueDeadMail } from '../../storage/repositories/mail-outbox-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** An administrator sends a dead letter again: it goes back to the outbox queue. */
export async function retryDeadMail(
  deps: Deps,
  org: Pick<OrganizationRow, 'id' | 'data_key_wrapped'>,
  outboxId: string,
  userId: string,
): Promise<Result<void, 'NOT_FOUND'>> {
  const requeued = await runUnit(deps, org, async (u) =>
    (await requeueDeadMail(u.tx, org.id, outboxId, u.at)) ? ok(undefined) : fail('NOT_FOUND' as const),
  )
  if (!requeued.ok) return requeued
  deps.log.info({ orgId: org.id, outboxId, userId, event: 'mail.retried' }, 'dead letter retried')
  return ok(undefined)
}
