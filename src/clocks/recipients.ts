/**
 * Who a reminder or an escalation reaches. `team` means every active admin and responder of the
 * organization, each by their own address — never the policy's team contact address, which is
 * usually the security inbox Embargo itself reads (mail to it would come back as a new report).
 * A named contact is reached at the address the policy gives it.
 */
import type { EscalationTarget } from '../domain/clock/escalation.js'
import type { Policy } from '../domain/policy/schema.js'
import type { Executor } from '../storage/db.js'

export interface TeamRecipient {
  to: string
  /** `assignee`, `team` or `contact:<id>`: who the mail is for, for the timeline. */
  as: string
}

async function teamAddresses(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select('user.email')
    .where('membership.org_id', '=', orgId)
    .where('membership.role', 'in', ['admin', 'responder'])
    .where('user.disabled_at', 'is', null)
    .orderBy('user.email')
    .execute()
  return rows.map((r) => r.email)
}

async function assigneeAddress(db: Executor, assigneeId: string | null): Promise<string | undefined> {
  if (!assigneeId) return undefined
  const row = await db.selectFrom('user').select(['email', 'disabled_at']).where('id', '=', assigneeId).executeTakeFirst()
  return row && row.disabled_at === null ? row.email : undefined
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
    const address = await assigneeAddress(db, assigneeId)
    if (address) return [{ to: address, as: 'assignee' }]
  }
  return (await teamAddresses(db, orgId)).map((to) => ({ to, as: 'team' }))
}
