/**
 * The job that publishes public versions of reports when they are due: the objection period has
 * ended without an objection and every advisory the report waits for is published. Exactly once,
 * also with several Embargo processes on one database: each version is published in its own unit
 * whose write is the conditional UPDATE `… WHERE version = <read>`; a second runner updates
 * nothing, rolls back and finds it published.
 */
import type { Deps } from '../deps.js'
import { newEvent } from '../domain/events.js'
import type { ReportStatus } from '../domain/report/status.js'
import { publish } from '../domain/report-publication/report-publication.js'
import { fail, ok } from '../domain/result.js'
import { type JobLoop, startJobLoop } from '../jobs/index.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import {
  awaitedAdvisories,
  findPublicVersion,
  findReportOutcomeFacts,
  listDuePublicVersions,
  nextObjectionEnd,
  savePublicVersion,
} from '../storage/repositories/report-publication-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { runUnit } from '../storage/unit-of-work.js'

/** Publishes one report's public version if it is (still) due at `at`; true when this call published it. */
export async function publishIfDue(deps: Deps, org: OrganizationRow, reportId: string, at: string): Promise<boolean> {
  const result = await runUnit(deps, org, async (u) => {
    const v = await findPublicVersion(u.tx, u.cipher, org.id, reportId)
    const report = await findReportOutcomeFacts(u.tx, org.id, reportId)
    if (!v || !report) return fail({ code: 'NOT_DUE' as const })
    const fix = { advisories: await awaitedAdvisories(u.tx, org.id, reportId, v.afterAdvisory), status: report.status as ReportStatus }
    const next = publish(v, fix, at)
    if (!next.ok) return fail({ code: 'NOT_DUE' as const })
    const record = {
      ref: report.ref,
      title: v.title,
      body: v.body,
      outcome: v.outcome,
      reason: v.reason,
      publishedAt: at,
    }
    if (!(await savePublicVersion(u.tx, u.cipher, org.id, { ...v, ...next.value }, v.version, u.at, record))) {
      return fail({ code: 'NOT_DUE' as const })
    }
    u.record(newEvent('public_version.published', { kind: 'system' }, u.at, reportId, {}))
    return ok(undefined)
  })
  return result.ok
}

export interface ReportPublicationRun {
  published: number
}

/** One run over every organization: each due public version, once. Tests call it with the controllable clock. */
export async function runReportPublications(deps: Deps, now: Date = deps.now()): Promise<ReportPublicationRun> {
  const at = now.toISOString()
  const seen = new Set<string>()
  const run: ReportPublicationRun = { published: 0 }
  for (;;) {
    const batch = (await listDuePublicVersions(deps.db, at, 50)).filter((r) => !seen.has(r.id))
    if (batch.length === 0) return run
    for (const row of batch) {
      seen.add(row.id)
      try {
        const org = await findOrganizationById(deps.db, row.org_id)
        if (org && (await publishIfDue(deps, org, row.report_id, at))) run.published += 1
      } catch (error) {
        deps.log.error(
          { err: error, orgId: row.org_id, reportId: row.report_id, event: 'public_version.publish_failed' },
          'publication failed',
        )
      }
    }
  }
}

/** Runs at most every `intervalMs` (default 60 s), sooner when the next objection period ends earlier. */
export function startReportPublicationJob(deps: Deps, options: { intervalMs?: number } = {}): JobLoop {
  return startJobLoop({
    run: async () => {
      const r = await runReportPublications(deps)
      if (r.published > 0) deps.log.info({ ...r, event: 'public_version.run' }, 'public versions of reports published')
    },
    // Only ends still to come: a version waiting for its advisory is looked at every interval, not every second.
    nextAt: () => nextObjectionEnd(deps.db, deps.now().toISOString()),
    onError: (error) => deps.log.error({ err: error, event: 'public_version.publish_failed' }, 'public version run failed'),
    now: () => deps.now(),
    intervalMs: options.intervalMs,
  })
}
