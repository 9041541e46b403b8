/**
 * The publication scheduler: publishes scheduled advisories when their time has come, exactly
 * once, also with several Embargo processes on one PostgreSQL database. Each due advisory is
 * published in its own unit of work whose first write is the conditional UPDATE of the advisory
 * row (`… WHERE version = <read version>`): a second runner waits for the first one's row lock,
 * then updates nothing and rolls back, re-reads and finds the advisory already published.
 * The same job loop then pushes the CVE records those publications made due (cve-record-pusher.ts).
 */

import type { Deps } from '../deps.js'
import { type AdvisoryError, publish, scheduleFailed, statusOf } from '../domain/advisory/workflow.js'
import { fail, ok } from '../domain/result.js'
import { type JobLoop, startJobLoop } from '../jobs/index.js'
import { earliestScheduledPublication, listDueScheduledAdvisories } from '../storage/repositories/advisory-repository.js'
import { earliestDueCveRecord } from '../storage/repositories/cve-record-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { changeAdvisory } from './change-advisory.js'
import { cveRecordDue } from './cve-record-due.js'
import { runCveRecordPushes } from './cve-record-pusher.js'
import { type DiscloseError, discloseLinkedReports } from './disclose-linked-reports.js'

type ScheduledError = AdvisoryError | DiscloseError | { code: 'NOT_DUE' }

/** Publishes one scheduled advisory if it is (still) due at `now`; true when this call published it. */
export async function publishScheduled(deps: Deps, org: OrganizationRow, ownId: string, now: string): Promise<boolean> {
  const published = await changeAdvisory<ScheduledError>(deps, org, ownId, null, (a, rules) => {
    if (a.state !== 'scheduled' || a.scheduledFor === null || a.scheduledFor > now) return fail({ code: 'NOT_DUE' })
    const change = publish(statusOf(a), rules.review, { kind: 'system' }, now)
    if (!change.ok) return change
    return ok({
      outcome: { change: change.value, action: 'published', actor: { kind: 'system' } as const },
      alsoWrite: async (u, after) => {
        const disclosed = await discloseLinkedReports(u, org, after.id)
        if (disclosed.ok) await cveRecordDue(u, after)
        return disclosed
      },
    })
  })
  if (published.ok) return true
  if (published.error.code === 'NOT_DUE' || published.error.code === 'NOT_FOUND') return false
  // The publication was refused (a linked report not fixed yet): back to ready, with the reason on record, so it is not retried forever.
  const code = published.error.code
  await changeAdvisory<ScheduledError>(deps, org, ownId, null, (a) => {
    if (a.state !== 'scheduled') return fail({ code: 'NOT_DUE' })
    const change = scheduleFailed(statusOf(a), code, now)
    if (!change.ok) return change
    return ok({ outcome: { change: change.value, action: 'schedule-failed', actor: { kind: 'system' } as const } })
  })
  deps.log.warn({ event: 'advisory.schedule_failed', orgId: org.id, code }, 'scheduled publication refused')
  return false
}

export interface PublicationRun {
  published: number
}

/** One run: every scheduled advisory whose time has come, each once. Tests call it with the controllable clock. */
export async function runScheduledPublications(deps: Deps, now: Date = deps.now()): Promise<PublicationRun> {
  const at = now.toISOString()
  const seen = new Set<string>()
  const run: PublicationRun = { published: 0 }
  for (;;) {
    const batch = (await listDueScheduledAdvisories(deps.db, at, 50)).filter((r) => !seen.has(r.id))
    if (batch.length === 0) return run
    for (const row of batch) {
      seen.add(row.id)
      try {
        const org = await findOrganizationById(deps.db, row.org_id)
        if (org && (await publishScheduled(deps, org, row.own_id, at))) run.published += 1
      } catch (error) {
        deps.log.error(
          { err: error, advisoryId: row.id, orgId: row.org_id, event: 'advisory.publish_failed' },
          'scheduled publication failed',
        )
      }
    }
  }
}

export type PublicationScheduler = JobLoop

/** Runs at most every `intervalMs` (default 60 s), sooner when the next scheduled publication is nearer. */
export function startPublicationScheduler(deps: Deps, options: { intervalMs?: number } = {}): PublicationScheduler {
  return startJobLoop({
    run: async () => {
      const r = await runScheduledPublications(deps)
      if (r.published > 0) deps.log.info({ ...r, event: 'advisory.scheduled_run' }, 'scheduled publications')
      // Then the CVE records those publications (and earlier ones, and withdrawals) made due at CVE Services.
      const pushed = await runCveRecordPushes(deps)
      if (pushed.published + pushed.updated + pushed.rejected + pushed.refused > 0)
        deps.log.info({ ...pushed, event: 'advisory.cve_record_run' }, 'CVE records')
    },
    nextAt: async () => {
      const times = [await earliestScheduledPublication(deps.db), await earliestDueCveRecord(deps.db)].filter((t): t is string => !!t)
      return times.sort()[0]
    },
    onError: (error) => deps.log.error({ err: error, event: 'advisory.publish_failed' }, 'publication run failed'),
    now: () => deps.now(),
    intervalMs: options.intervalMs,
  })
}
