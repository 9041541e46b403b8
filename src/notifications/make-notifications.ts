/**
 * The notification job: for each organization, reads the events after its cursor, asks the rules
 * (src/domain/notification) who must hear of each, and writes the notifications and the moved
 * cursor in ONE unit of work, with the cursor row locked. A second runner waits for that lock,
 * then reads the moved cursor and finds nothing left: every event notifies once. Then it queues
 * the daily digests that are due (send-digests.ts). Runs in the job loop (src/jobs).
 */
import type { Deps } from '../deps.js'
import type { SharedWith } from '../domain/access/need-to-know.js'
import { type Member, notificationsFor } from '../domain/notification/notification-rules.js'
import { type JobLoop, startJobLoop } from '../jobs/index.js'
import {
  activeMembers,
  eventsAfter,
  hasUnreadEvents,
  insertNotifications,
  lockNotificationCursor,
  moveNotificationCursor,
  type NewNotification,
  reportForNotification,
} from '../storage/repositories/notification-repository.js'
import { findOrganizationById, listOrganizations } from '../storage/repositories/organization-repository.js'
import { sharedWithOfVersion } from '../storage/repositories/policy-repository.js'
import { runUnit } from '../storage/unit-of-work.js'
import { sendDueDigests } from './send-digests.js'

/** Events read per unit: a long backlog moves in steps, each committed with its notifications. */
const batch = 200

/** One step for one organization: at most `batch` events. Returns how many events it read. */
async function notifyStep(deps: Deps, orgId: string): Promise<{ events: number; notifications: number }> {
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) return { events: 0, notifications: 0 }
  return runUnit(deps, org, async (u) => {
    const cursor = await lockNotificationCursor(u.tx, orgId, u.at)
    const events = await eventsAfter(u.tx, orgId, cursor, batch)
    const last = events.at(-1)
    if (!last) return { events: 0, notifications: 0 }
    let members: Member[] | undefined
    const rules = new Map<string | null, SharedWith>()
    const rows: NewNotification[] = []
    for (const event of events) {
      if (!event.reportId) continue
      const report = await reportForNotification(u.tx, orgId, event.reportId)
      if (!report) continue
      if (!rules.has(report.policyVersionId))
        rules.set(report.policyVersionId, await sharedWithOfVersion(u.tx, orgId, report.policyVersionId))
      members ??= await activeMembers(u.tx, orgId)
      const facts = { assigneeId: report.assigneeId, sharedWith: rules.get(report.policyVersionId) }
      for (const n of notificationsFor(event, facts, members)) {
        rows.push({
          userId: n.userId,
          reportId: event.reportId,
          ref: report.ref,
          kind: n.kind,
          clock: n.clock,
          eventId: event.id,
          at: event.at,
        })
      }
    }
    await insertNotifications(u.tx, orgId, rows)
    await moveNotificationCursor(u.tx, orgId, last.seq, u.at)
    return { events: events.length, notifications: rows.length }
  })
}

export interface NotificationRun {
  events: number
  notifications: number
  digests: number
}

/** One run over every organization: new events into notifications, then the digests due. Tests call it directly. */
export async function runNotifications(deps: Deps): Promise<NotificationRun> {
  const result: NotificationRun = { events: 0, notifications: 0, digests: 0 }
  for (const org of await listOrganizations(deps.db)) {
    try {
      while (await hasUnreadEvents(deps.db, org.id)) {
        const step = await notifyStep(deps, org.id)
        result.events += step.events
        result.notifications += step.notifications
        if (step.events === 0) break
      }
      result.digests += await sendDueDigests(deps, org.id)
    } catch (error) {
      deps.log.error({ err: error, orgId: org.id, event: 'notifications.failed' }, 'notifications failed for an organization')
    }
  }
  return result
}

/** Runs the notification job every `intervalMs` (default 15 s): the inbox lags the events by at most that. */
export function startNotificationJob(deps: Deps, options: { intervalMs?: number } = {}): JobLoop {
  return startJobLoop({
    run: async () => {
      const r = await runNotifications(deps)
      if (r.notifications > 0 || r.digests > 0) deps.log.info({ ...r, event: 'notifications.run' }, 'notifications made')
    },
    nextAt: async () => undefined,
    onError: (error) => deps.log.error({ err: error, event: 'notifications.failed' }, 'notification run failed'),
    now: () => deps.now(),
    intervalMs: options.intervalMs ?? 15_000,
  })
}
