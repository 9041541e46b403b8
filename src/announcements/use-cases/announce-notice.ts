import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { findAnnouncementChannel, insertNoticeAnnouncement } from '../../storage/repositories/announcement-repository.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import type { AnnouncementPayload } from './announce-advisory.js'

/** A notice another feature sends through the announcement channels (e.g. the CRA notice to users). */
export interface NoticeToAnnounce {
  /** Names the notice: each channel gets it once per key (e.g. `cra:<case id>`). */
  key: string
  /** The signed webhook's `type` (e.g. `cra.user_notice`). */
  type: string
  /** The reference mail subjects carry (e.g. the report's). */
  ref: string
  subject: string
  /** Plain text (Markdown reads as text): already public, it goes in clear. */
  text: string
  /** Where it can be read (the public advisory). */
  link?: string | undefined
  /** Extra JSON for the signed webhook's `data`. */
  data?: Record<string, unknown>
  /** The report whose timeline records the sending; null: the organization's. */
  reportId: string | null
}

export type AnnounceNoticeError = { code: 'ANNOUNCE_NO_CHANNEL' }

/**
 * Queues a notice on each of the current policy's announcement channels (`disclosure.announcements[]`)
 * that has a delivery, in one unit of work: the unique (organization, notice, channel) row and its
 * delivery through the same outbox kinds and loop as an advisory's announcement (mail to a list, or
 * an `announcement` row for Slack, Matrix or the signed webhook). Sent again, it finds the rows and
 * queues nothing more: exactly once per (notice, channel).
 */
export async function announceNotice(
  deps: Deps,
  org: OrganizationRow,
  notice: NoticeToAnnounce,
  by: string,
): Promise<Result<{ queued: string[]; already: string[] }, AnnounceNoticeError>> {
  const disclosure = (await currentPolicy(deps.db, org.id))?.policy.disclosure
  const names = [...new Set((disclosure?.announcements ?? []).map((a) => a.name))]
  return runUnit(deps, org, async (u) => {
    const queued: string[] = []
    const already: string[] = []
    for (const name of names) {
      const channel = await findAnnouncementChannel(u.tx, u.cipher, org.id, name)
      if (!channel) continue
      const id = newId()
      const outboxId = newId()
      const s = channel.settings
      const first = await insertNoticeAnnouncement(u.tx, {
        id,
        orgId: org.id,
        noticeKey: notice.key,
        channel: name,
        delivery: s.delivery,
        outboxId,
        at: u.at,
      })
      if (!first) {
        already.push(name)
        continue
      }
      queued.push(name)
      if (s.delivery === 'mail')
        u.send({
          id: outboxId,
          kind: 'mail',
          payload: {
            template: 'announcement',
            to: s.address,
            ref: notice.ref,
            orgName: org.name,
            subject: notice.subject,
            text: notice.text,
            link: notice.link,
          },
        })
      else {
        const body = JSON.stringify({
          type: notice.type,
          timestamp: u.at,
          data: { organization: { name: org.name, slug: org.slug }, ...notice.data, subject: notice.subject, text: notice.text },
        })
        u.send({
          id: outboxId,
          kind: 'announcement',
          payload: { announcementId: id, channel: name, text: `${notice.subject}\n\n${notice.text}`, body } satisfies AnnouncementPayload,
        })
      }
    }
    if (queued.length === 0 && already.length === 0) return fail({ code: 'ANNOUNCE_NO_CHANNEL' as const })
    if (queued.length > 0)
      u.record(
        newEvent('announcement.notice_queued', { kind: 'user', id: by }, u.at, notice.reportId, { notice: notice.key, channels: queued }),
      )
    return ok({ queued, already })
  })
}
