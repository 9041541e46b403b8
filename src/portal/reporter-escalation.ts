/**
 * The reporter's right to escalate (Kumi: "If you have not received a reply to your report within
 * seven business days, you have the following options"): once the policy's `escalation-allowed`
 * clock is breached, the reporter walks the escalation chain one step at a time — the assignee,
 * then the whole team, then the named contact — each step only after the chain's wait since the
 * previous one. Taking a step is use-cases/escalate-as-reporter.ts.
 */

import type { Deps } from '../deps.js'
import { businessCalendar, ClockUncomputable } from '../domain/clock/business-calendar.js'
import type { EscalationTarget } from '../domain/clock/escalation.js'
import { isEvent } from '../domain/events.js'
import { parseDuration } from '../domain/policy/durations.js'
import type { Policy } from '../domain/policy/schema.js'
import type { Executor } from '../storage/db.js'
import { reportClocks } from '../storage/report-clocks.js'

export type EscalationOffer =
  /** The policy does not let reporters escalate (or has no chain to escalate along). */
  | { state: 'not-offered' }
  /** The policy does, but this report does not need it: answered in time, or no longer open. */
  | { state: 'not-needed'; stoppedBy?: string | undefined }
  | { state: 'not-yet'; from: string }
  | { state: 'available'; step: number; target: EscalationTarget; targetName: string | null }
  | { state: 'wait'; step: number; from: string }
  | { state: 'done' }

export interface ReporterAccess {
  orgId: string
  reportId: string
}

const targetOf = (policy: Policy, step: number): EscalationTarget => {
  const s = policy.escalation?.chain[step - 1]
  return s?.notify === 'contact' ? { kind: 'contact', contactId: s.contact ?? '' } : { kind: s?.notify ?? 'team' }
}

export async function offerAt(db: Executor, access: ReporterAccess, now: string, lock = false) {
  const found = await reportClocks(db, access.orgId, access.reportId, now, lock)
  const chainOf = found?.policy.escalation?.chain ?? []
  if (!found?.policy.escalation?.reporterMayEscalate || chainOf.length === 0)
    return { found, offer: { state: 'not-offered' } as EscalationOffer }
  const { policy, clocks, events } = found
  const chain = policy.escalation?.chain ?? []
  const taken = events.filter((e) => isEvent(e, 'reporter.escalated'))
  const clock = clocks.find((c) => c.name === 'escalation-allowed')
  const offer = ((): EscalationOffer => {
    if (taken.length >= chain.length) return { state: 'done' }
    if (taken.length === 0) {
      if (!clock || clock.state === 'met') return { state: 'not-needed' }
      if (clock.state === 'stopped') return { state: 'not-needed', stoppedBy: clock.stoppedBy }
      if (clock.state !== 'breached') return { state: 'not-yet', from: clock.dueAt }
    }
    const step = taken.length + 1
    const last = taken.at(-1)
    if (last) {
      const wait = parseDuration(chain[step - 1]?.after ?? '1 business day')
      let from: number
      try {
        from = wait ? businessCalendar(policy.calendar).addDuration(Date.parse(last.at), wait) : Date.parse(last.at)
      } catch (error) {
        // The calendar cannot place the wait: the step never opens (the team sees the clock error).
        if (error instanceof ClockUncomputable) return { state: 'not-offered' }
        throw error
      }
      if (Date.parse(now) < from) return { state: 'wait', step, from: new Date(from).toISOString() }
    }
    const target = targetOf(policy, step)
    const contact = target.kind === 'contact' ? policy.contacts?.find((c) => c.id === target.contactId) : undefined
    return { state: 'available', step, target, targetName: contact ? (contact.role ?? contact.name) : null }
  })()
  return { found, offer }
}

export const escalationOffer = async (deps: Deps, access: ReporterAccess): Promise<EscalationOffer> =>
  (await offerAt(deps.db, access, deps.now().toISOString())).offer
