/**
 * The opt-in mail digest: once per member per day (UTC), a member who chose `daily` and has
 * unread notifications gets one mail through the outbox listing them — reference, what happened,
 * when, and a link — never report text. The day is claimed on the member's setting row in the
 * unit that queues the mail, with that row locked: two runners queue one mail.
 */
import type { Deps } from '../deps.js'
import { digestDay } from '../domain/notification/notification-rules.js'
import { fail, ok } from '../domain/result.js'
import { formatTime } from '../i18n/format-time.js'
import { translator } from '../i18n/messages.js'
import { claimDigestDay, listDigestsDue, listUnread, memberAddress } from '../storage/repositories/notification-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { runUnit } from '../storage/unit-of-work.js'
import { notificationText } from './notification-text.js'

/** A digest lists at most this many notifications; the inbox has the rest. */
const digestLimit = 100

/** Queues the digests due in one organization; returns how many. */
export async function sendDueDigests(deps: Deps, orgId: string): Promise<number> {
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) return 0
  const now = deps.now().toISOString()
  const day = digestDay(now)
  const t = translator('en')
  const zone = await orgTimeZone(deps.db, orgId)
  const inbox = new URL(`/w/${org.slug}/inbox`, deps.config.publicUrl).href
  let sent = 0
  for (const userId of await listDigestsDue(deps.db, orgId, day)) {
    const result = await runUnit(deps, org, async (u) => {
      if (!(await claimDigestDay(u.tx, orgId, userId, day))) return fail('taken' as const)
      const to = await memberAddress(u.tx, orgId, userId)
      const unread = await listUnread(u.tx, orgId, userId, digestLimit)
      // Nothing to tell (or nobody to tell it to): the day is not taken, a later notification may still go today.
      if (!to || unread.length === 0) return fail('nothing' as const)
      const lines = unread.map((n) => {
        const link = n.reportId ? ` — ${new URL(`/w/${org.slug}/reports/${n.ref}`, deps.config.publicUrl).href}` : ''
        return `- ${formatTime(n.at, zone, t.locale)}: ${notificationText(t, n)}${link}`
      })
      const text = [
        t('mail.body.team.notification-digest.intro', { org: org.name }),
        '',
        ...lines,
        '',
        t('mail.body.team.notification-digest.outro', { link: inbox }),
        '',
      ].join('\n')
      u.send({
        kind: 'mail',
        payload: { template: 'team.notification-digest', to, ref: org.ref_prefix, orgName: org.name, link: inbox, text },
      })
      return ok(unread.length)
    })
    if (result.ok) sent += 1
  }
  return sent
}
