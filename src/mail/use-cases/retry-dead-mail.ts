import type { Deps } from '../../deps.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { retryDeadMail as requeueDeadMail } from '../../storage/repositories/mail-outbox-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'

/** An administrator sends a dead letter again: it goes back to the outbox queue. */
export async function retryDeadMail(
  deps: Deps,
  org: Pick<OrganizationRow, 'id'>,
  outboxId: string,
  userId: string,
): Promise<Result<void, 'NOT_FOUND'>> {
  if (!(await requeueDeadMail(deps.db, org.id, outboxId, deps.now().toISOString()))) return fail('NOT_FOUND')
  deps.log.info({ orgId: org.id, outboxId, userId, event: 'mail.retried' }, 'dead letter retried')
  return ok(undefined)
}
