/**
 * The CRA sweep: wakes for cases whose `wake_at` has come, asks `planCraAlerts` what is due and
 * mails every team member (admins and responders, each at their own address) and every contact
 * `regulation.cra.notify` names — louder than the ordinary clocks, which tell the assignee first.
 * One unit of work per case whose first write is the conditional update of the case (`version`)
 * recording the alert keys: a second sweeper updates nothing, rolls back and sends nothing, so
 * each alert goes out exactly once.
 */
import type { Deps } from '../deps.js'
import { newEvent } from '../domain/events.js'
import type { Policy } from '../domain/policy/schema.js'
import { planCraAlerts } from '../domain/regulation/cra-alerts.js'
import { craClocks } from '../domain/regulation/cra-clocks.js'
import { type JobLoop, startJobLoop, sweepDue } from '../jobs/index.js'
import type { Executor } from '../storage/db.js'
import { earliestCraWake, findCraCase, listCraCasesToWake, updateCraCase } from '../storage/repositories/cra-case-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { findReportRef } from '../storage/repositories/report-repository.js'
import { listTeamAddresses } from '../storage/repositories/user-repository.js'
import { runUnit } from '../storage/unit-of-work.js'
import { factsOf } from './load-case.js'

export const craTemplates = { remind: 'team.cra-reminder', overdue: 'team.cra-overdue' } as const

/** Everyone a CRA alert reaches: the whole team, then the contacts the policy names (`notify`), each address once. */
async function craRecipients(db: Executor, policy: Policy | undefined, orgId: string): Promise<{ to: string; as: string }[]> {
  const team = (await listTeamAddresses(db, orgId)).map((to) => ({ to, as: 'team' }))
  const named = (policy?.regulation?.cra?.notify ?? []).flatMap((id) => {
    const email = policy?.contacts?.find((c) => c.id === id)?.email
    return email ? [{ to: email, as: `contact:${id}` }] : []
  })
  const seen = new Set<string>()
  return [...team, ...named].filter((r) => !seen.has(r.to.toLowerCase()) && seen.add(r.to.toLowerCase()))
}

/** Sends what is due on one case at `now`; returns how many alerts. */
export async function runCraCase(deps: Deps, orgId: string, caseId: string, now: string): Promise<number> {
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) return 0
  return runUnit(
    deps,
    org,
    async (u) => {
      const c = await findCraCase(u.tx, u.cipher, orgId, caseId)
      if (!c) return 0
      const policy = (await currentPolicy(u.tx, orgId))?.policy
      const timeZone = policy?.calendar.timeZone ?? 'UTC'
      const plan = planCraAlerts(craClocks(factsOf(c), timeZone, now), new Set(c.alertsSent), now)
      const alertsSent = [...c.alertsSent, ...plan.superseded.map((a) => a.key), ...plan.due.map((a) => a.key)]
      // First write: only one sweeper gets past it for this version of the case.
      if (!(await updateCraCase(u.tx, u.cipher, orgId, c.id, c.version, { alertsSent, wakeAt: plan.nextAt ?? null }, now))) return 0
      if (plan.due.length === 0) return 0
      const ref = (await findReportRef(u.tx, orgId, c.reportId))?.ref ?? ''
      const recipients = await craRecipients(u.tx, policy, orgId)
      const link = new URL(`/w/${org.slug}/reports/${ref}/cra`, deps.config.publicUrl).href
      for (const alert of plan.due) {
        u.send(
          ...recipients.map((r) => ({
            kind: 'mail' as const,
            payload: {
              template: craTemplates[alert.kind],
              to: r.to,
              as: r.as,
              ref,
              orgName: org.name,
              link,
              clock: `cra-${alert.stage}`,
              dueAt: alert.dueAt,
              key: alert.key,
            },
          })),
        )
        const to = [...new Set(recipients.map((r) => r.as))].join(',')
        u.record(
          newEvent('cra.alert_sent', { kind: 'system' }, now, c.reportId, {
            caseId: c.id,
            key: alert.key,
            stage: alert.stage,
            kind: alert.kind,
            to,
          }),
        )
      }
      return plan.due.length
    },
    { at: now },
  )
}

export interface CraSweepResult {
  cases: number
  alerts: number
}

/** One sweep over every case whose wake time has come, each once. Tests call it with the controllable clock. */
export async function runCraSweep(deps: Deps, now: Date = deps.now()): Promise<CraSweepResult> {
  const { rows, actions } = await sweepDue(deps, now.toISOString(), {
    list: (at, limit) => listCraCasesToWake(deps.db, at, limit),
    work: (row, at) => runCraCase(deps, row.org_id, row.id, at),
    failed: { event: 'cra.failed', message: 'CRA sweep failed for a case', idKey: 'caseId' },
  })
  return { cases: rows, alerts: actions }
}

/** Runs the CRA sweep in the shared job loop: at most every `intervalMs`, sooner when the next alert is nearer. */
export function startCraScheduler(deps: Deps, options: { intervalMs?: number } = {}): JobLoop {
  return startJobLoop({
    run: async () => {
      const r = await runCraSweep(deps)
      if (r.alerts > 0) deps.log.info({ ...r, event: 'cra.swept' }, 'CRA sweep')
    },
    nextAt: () => earliestCraWake(deps.db),
    onError: (error) => deps.log.error({ err: error, event: 'cra.failed' }, 'CRA sweep failed'),
    now: () => deps.now(),
    intervalMs: options.intervalMs,
  })
}
