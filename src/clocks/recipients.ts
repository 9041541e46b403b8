/**
 * Who a reminder or an escalation reaches. `team` means every active admin and responder of the
 * organization, each by their own address — never the policy's team contact address, which is
 * usually the security inbox Embargo itself reads (mail to it would come back as a new report).
 * A named contact is reached at the address the policy gives it.
 */
import type { EscalationTarget } from '../domain/clock/escalation.js'
import type { Policy } from '../domain/policy/schema.js'
import type { Executor } from '../storage/db.js'
import { findActiveUserEmail, listTeamAddresses } from '../storage/repositories/user-repository.js'

export interface TeamRecipient {
  to: string
  /** `assignee`, `team` or `contact:<id>`: who the mail is for, for the timeline. */
  as: string
}

/** The addresses for a target; an unassigned report's "assignee" is the whole team, so nobody is forgotten. */
export async function recipientsFor(
  db: Executor,
  policy: Policy,
  orgId: string,
  assigneeId: string | null,
  target: EscalationTarget,
): Promise<TeamRecipient[]> {
  if (target.kind === 'contact') {
    const contact = policy.contacts?.find((c) => c.id === target.contactId)
    return contact?.email ? [{ to: contact.email, as: `contact:${contact.id}` }] : []
  }
  if (target.kind === 'assignee') {
    const address = assigneeId ? await findActiveUserEmail(db, assigneeId) : undefined
    if (address) return [{ to: address, as: 'assignee' }]
  }
  return (await listTeamAddresses(db, orgId)).map((to) => ({ to, as: 'team' }))
}
