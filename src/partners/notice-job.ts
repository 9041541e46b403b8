/**
 * The partners' part of the one background job loop (src/jobs): scheduled early notices are sent
 * when their time comes — exactly at the first moment the windows allow, once (the conditional
 * update of the notice row, as scheduled publication does it) — and unacknowledged notices are
 * reminded every 48 hours, at most three times, never after the release.
 */
import { cipherFor, type Deps } from '../deps.js'
import { newEvent } from '../domain/events.js'
import { maxReminders, mayNotify, reminderDue, reminderEveryMs } from '../domain/partner/notice-rules.js'
import { mergeWindowOpened } from '../domain/partner/public-merge.js'
import { type JobLoop, startJobLoop } from '../jobs/index.js'
import { findAdvisoryById, listMergeWindowCandidates, markMergeWindowAlerted } from '../storage/repositories/advisory-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import {
  advisoryScope,
  cancelNotice,
  earliestScheduledNotice,
  findPartner,
  listOpenNotices,
  markNoticeReminded,
  rescheduleNotice,
  type StoredNotice,
} from '../storage/repositories/partner-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { listTeamAddresses } from '../storage/repositories/user-repository.js'
import { runUnit } from '../storage/unit-of-work.js'
import { isPublic } from './advisory-of.js'
import { deliverNotice, partnerMails, reminderText } from './notices.js'

export interface PartnerNoticeRun {
  sent: number
  reminded: number
  /** Teams told that an advisory's public-merge window opened. */
  mergeAlerts: number
}

async function handle(deps: Deps, n: StoredNotice, now: Date, run: PartnerNoticeRun): Promise<void> {
  const org = await findOrganizationById(deps.db, n.orgId)
  if (!org) return
  const cipher = cipherFor(deps, org)
  const [advisory, partner, policy] = await Promise.all([
    findAdvisoryById(deps.db, cipher, org.id, n.advisoryId),
    findPartner(deps.db, cipher, org.id, n.partnerId, true),
    currentPolicy(deps.db, org.id),
  ])
  if (!advisory || !partner || !policy) return
  const at = now.toISOString()
  // Nothing is early once the advisory is public, and a removed partner is told nothing more.
  if (n.state === 'scheduled' && (isPublic(advisory) || !(await findPartner(deps.db, cipher, org.id, n.partnerId)))) {
    await runUnit(deps, org, (u) => cancelNotice(u.tx, org.id, n.id), { at })
    return
  }
  if (isPublic(advisory)) return
  const c = { org, advisory, partner, zone: policy.policy.calendar.timeZone }
  const releaseAt = advisory.releaseAt ? Date.parse(advisory.releaseAt) : undefined
  if (n.state === 'scheduled') {
    const may = mayNotify(policy.policy, partner, await advisoryScope(deps.db, org.id, advisory.id), releaseAt, now.getTime())
    if (!may.ok) {
      // The windows moved under it (a changed policy or partner): it waits for the new first moment.
      // Any other refusal is final (the partner now excludes it, the release passed): the notice is cancelled.
      const refusal = may.error
      await runUnit(
        deps,
        org,
        (u) =>
          refusal.code === 'NOTICE_TOO_EARLY'
            ? rescheduleNotice(u.tx, org.id, n.id, new Date(refusal.from).toISOString())
            : cancelNotice(u.tx, org.id, n.id),
        { at },
      )
      return
    }
    const sent = await runUnit(deps, org, (u) => deliverNotice(deps, u, c, n.id, 'scheduled', { kind: 'system' }), { at })
    if (sent) run.sent += 1
    return
  }
  if (n.state !== 'sent' || !n.sentAt) return
  const due = reminderDue(
    { sentAt: Date.parse(n.sentAt), remindedAt: n.remindedAt ? Date.parse(n.remindedAt) : undefined, reminders: n.reminders },
    releaseAt,
    now.getTime(),
  )
  if (!due) return
  const reminded = await runUnit(
    deps,
    org,
    async (u) => {
      if (!(await markNoticeReminded(u.tx, org.id, n.id, n.reminders, u.at))) return false
      u.send(...partnerMails(c, 'partner.reminder', reminderText(c, n.sentAt as string), undefined))
      u.record(
        newEvent('partner.notice_reminded', { kind: 'system' }, u.at, null, {
          advisoryId: advisory.id,
          partnerId: partner.id,
          noticeId: n.id,
          reminder: n.reminders + 1,
        }),
      )
      return true
    },
    { at },
  )
  if (reminded) run.reminded += 1
}

/**
 * Tells the team (responders and admins, each at their address) that the public-merge window
 * (`disclosure.releaseWindows.publicMerge`) of an advisory's planned release opened: once per
 * planned release — the first write is the conditional update recording the plan alerted, so a
 * second runner updates nothing and sends nothing.
 */
async function alertMergeWindow(deps: Deps, orgId: string, advisoryId: string, now: Date): Promise<boolean> {
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) return false
  const [advisory, policy] = await Promise.all([
    findAdvisoryById(deps.db, cipherFor(deps, org), org.id, advisoryId),
    currentPolicy(deps.db, org.id),
  ])
  if (!advisory?.releaseAt || isPublic(advisory)) return false
  const releaseAt = advisory.releaseAt
  const from = mergeWindowOpened(
    policy?.policy,
    Date.parse(releaseAt),
    advisory.mergedAt ? Date.parse(advisory.mergedAt) : undefined,
    now.getTime(),
  )
  if (from === undefined) return false
  const at = now.toISOString()
  return runUnit(
    deps,
    org,
    async (u) => {
      if (!(await markMergeWindowAlerted(u.tx, org.id, advisory.id, releaseAt))) return false
      const link = new URL(`/w/${org.slug}/advisories/${advisory.ownId}/coordination`, deps.config.publicUrl).href
      for (const to of await listTeamAddresses(u.tx, org.id))
        u.send({
          kind: 'mail',
          payload: { template: 'team.merge-window', to, as: 'team', ref: advisory.ownId, orgName: org.name, link, dueAt: releaseAt },
        })
      u.record(
        newEvent('advisory.merge_window_opened', { kind: 'system' }, u.at, null, {
          advisoryId: advisory.id,
          from: new Date(from).toISOString(),
          releaseAt,
        }),
      )
      return true
    },
    { at },
  )
}

/** One run at `now`: every scheduled notice whose time has come, every reminder due, every public-merge window just opened. Tests call it with the controllable clock. */
export async function runPartnerNotices(deps: Deps, now: Date = deps.now()): Promise<PartnerNoticeRun> {
  const run: PartnerNoticeRun = { sent: 0, reminded: 0, mergeAlerts: 0 }
  const open = await listOpenNotices(
    deps.db,
    now.toISOString(),
    { remindBefore: new Date(now.getTime() - reminderEveryMs).toISOString(), maxReminders },
    500,
  )
  for (const n of open) {
    try {
      await handle(deps, n, now, run)
    } catch (error) {
      deps.log.error({ err: error, noticeId: n.id, orgId: n.orgId, event: 'partner.notice_failed' }, 'early notice failed')
    }
  }
  for (const a of await listMergeWindowCandidates(deps.db, now.toISOString(), 500)) {
    try {
      if (await alertMergeWindow(deps, a.org_id, a.id, now)) run.mergeAlerts += 1
    } catch (error) {
      deps.log.error({ err: error, advisoryId: a.id, orgId: a.org_id, event: 'partner.merge_alert_failed' }, 'public-merge alert failed')
    }
  }
  return run
}

/** Runs at most every `intervalMs` (default 60 s), sooner when the next scheduled notice is nearer. */
export function startPartnerNoticeJob(deps: Deps, options: { intervalMs?: number } = {}): JobLoop {
  return startJobLoop({
    run: async () => {
      const r = await runPartnerNotices(deps)
      if (r.sent + r.reminded + r.mergeAlerts > 0) deps.log.info({ ...r, event: 'partner.notice_run' }, 'early notices')
    },
    nextAt: () => earliestScheduledNotice(deps.db),
    onError: (error) => deps.log.error({ err: error, event: 'partner.notice_failed' }, 'early notice run failed'),
    now: () => deps.now(),
    intervalMs: options.intervalMs,
  })
}
