/**
 * The clock scheduler: wakes for reports whose `wake_at` has come (a range scan on the
 * `report_wake` index), asks `planEscalation` what is due, and for each due action records an
 * `escalation.sent` event carrying the action's key and writes the outbox mail — one transaction
 * per report, with the report row locked, so an action is never sent twice (the plan skips keys
 * already recorded, and a second sweeper waits for the lock, then finds them recorded).
 */

import type { Deps } from '../deps.js'
import type { EscalationAction } from '../domain/clock/escalation.js'
import { type EventData, newEvent } from '../domain/events.js'
import type { Policy } from '../domain/policy/schema.js'
import { type JobLoop, startJobLoop, sweepDue } from '../jobs/index.js'
import type { Tx } from '../storage/db.js'
import { reportClocks } from '../storage/report-clocks.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import type { OutboxItem } from '../storage/repositories/outbox-repository.js'
import { clearReportWake, earliestWake, listReportsToWake } from '../storage/repositories/report-clock-repository.js'
import { findReporter } from '../storage/repositories/reporter-repository.js'
import { runUnit } from '../storage/unit-of-work.js'
import { recipientsFor } from './recipients.js'

/** Mail templates of the clock actions. Generic text only: mail headers are never encrypted. */
export const clockTemplates = {
  remind: 'team.clock-reminder',
  escalate: 'team.clock-escalation',
  'alert-team': 'team.severity-alert',
  'offer-escalation': 'reporter.may-escalate',
  'final-update': 'reporter.final-update',
  'reporter-may-disclose': 'reporter.may-disclose',
} as const satisfies Record<EscalationAction['kind'], string>

export interface SweepResult {
  reports: number
  actions: number
}

interface ReportContext {
  deps: Deps
  orgId: string
  ref: string
  orgSlug: string
  orgName: string
  policy: Policy
  assigneeId: string | null
  reporterEmail: () => Promise<string | null>
  clockDue: (name: string) => string | undefined
}

const teamLink = (c: ReportContext) => new URL(`/w/${c.orgSlug}/reports/${c.ref}`, c.deps.config.publicUrl).href

/** The mails one action sends, and who they were for (recorded on the timeline, without addresses). */
async function mailsFor(tx: Tx, c: ReportContext, action: EscalationAction): Promise<{ items: OutboxItem[]; to: string[] }> {
  const base = { ref: c.ref, orgName: c.orgName, action: action.kind, key: action.key }
  // `dueAt` is when the clock falls (fell) due, which the mail names; a reminder's own moment comes earlier.
  const clock = 'clock' in action ? { clock: action.clock, dueAt: c.clockDue(action.clock) ?? action.dueAt } : { dueAt: action.dueAt }
  if (action.kind === 'offer-escalation' || action.kind === 'final-update' || action.kind === 'reporter-may-disclose') {
    const email = await c.reporterEmail()
    if (!email) return { items: [], to: [] }
    return { items: [{ kind: 'mail', payload: { template: clockTemplates[action.kind], to: email, ...base, ...clock } }], to: ['reporter'] }
  }
  const target = action.kind === 'alert-team' ? ({ kind: 'team' } as const) : action.to
  const recipients = await recipientsFor(tx, c.policy, c.orgId, c.assigneeId, target)
  const step = action.kind === 'escalate' ? { step: action.step } : {}
  return {
    items: recipients.map((r) => ({
      kind: 'mail',
      payload: { template: clockTemplates[action.kind], to: r.to, as: r.as, link: teamLink(c), ...base, ...clock, ...step },
    })),
    to: [...new Set(recipients.map((r) => r.as))],
  }
}

/** Handles one report: every due action, its event and its mail, in one unit of work. Returns how many actions. */
export async function runReportClocks(deps: Deps, orgId: string, reportId: string, now: string): Promise<number> {
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) return 0
  return runUnit(
    deps,
    org,
    async (u) => {
      const found = await reportClocks(u.tx, orgId, reportId, now, true)
      if (!found) {
        await clearReportWake(u.tx, orgId, reportId)
        return 0
      }
      const { policy, plan, breaches, report, clocks } = found
      const context: ReportContext = {
        deps,
        orgId,
        ref: report.ref,
        orgSlug: org.slug,
        orgName: org.name,
        policy,
        assigneeId: report.assignee_id,
        reporterEmail: async () => (await findReporter(u.tx, u.cipher, orgId, report.reporter_id))?.email ?? null,
        clockDue: (name) => clocks.find((c) => c.name === name)?.dueAt,
      }
      for (const action of plan.due) {
        const mail = await mailsFor(u.tx, context, action)
        u.send(...mail.items)
        const data: EventData['escalation.sent'] = { key: action.key, action: action.kind, to: mail.to.join(',') }
        if ('clock' in action) data.clock = action.clock
        if (action.kind === 'escalate') data.step = action.step
        if (action.kind === 'remind' || action.kind === 'escalate')
          data.target = action.to.kind === 'contact' ? `contact:${action.to.contactId}` : action.to.kind
        u.record(newEvent('escalation.sent', { kind: 'system' }, now, reportId, data))
      }
      // A breach of the team's clocks is recorded once (no mail: the escalation chain mails, if the
      // policy has one); the notifications feature tells the team in-app from this event.
      for (const b of breaches.due) u.record(newEvent('clock.breached', { kind: 'system' }, now, reportId, { key: b.key, clock: b.clock }))
      // With actions, their events make the unit store the next wake time; with none (another
      // sweeper already sent them), the report is touched so its wake time still moves on.
      if (plan.due.length === 0 && breaches.due.length === 0) u.touch(reportId)
      return plan.due.length
    },
    { at: now },
  )
}

/**
 * One sweep: every report whose wake time has come, in batches, each once. Tests call it with the
 * controllable clock; `startClockScheduler` calls it on a timer.
 */
export async function runClockSweep(deps: Deps, now: Date = deps.now()): Promise<SweepResult> {
  const { rows, actions } = await sweepDue(deps, now.toISOString(), {
    list: (at, limit) => listReportsToWake(deps.db, at, limit),
    work: (row, at) => runReportClocks(deps, row.org_id, row.id, at),
    failed: { event: 'clock.failed', message: 'clock sweep failed for a report', idKey: 'reportId' },
  })
  return { reports: rows, actions }
}

export type ClockScheduler = JobLoop

/** Runs a sweep at most every `intervalMs` (default 60 s), sooner when the next wake time is nearer. */
export function startClockScheduler(deps: Deps, options: { intervalMs?: number } = {}): ClockScheduler {
  return startJobLoop({
    run: async () => {
      const r = await runClockSweep(deps)
      if (r.actions > 0) deps.log.info({ ...r, event: 'clock.swept' }, 'clock sweep')
    },
    nextAt: () => earliestWake(deps.db),
    onError: (error) => deps.log.error({ err: error, event: 'clock.failed' }, 'clock sweep failed'),
    now: () => deps.now(),
    intervalMs: options.intervalMs,
  })
}
