/**
 * The outbox's `announcement` kind: one advisory's message to one Slack-compatible webhook, Matrix
 * room or signed generic webhook, with the channel's current settings (secrets opened only here).
 * Every attempt carries the same id — the generic webhook's `webhook-id`, Matrix's transaction id —
 * so a receiver that got an attempt whose answer was lost recognizes the retry.
 */
import { Webhook } from 'standardwebhooks'
import { cipherFor, type Deps } from '../deps.js'
import { advisoryPublishedKind } from '../domain/advisory/announcement.js'
import { DeliveryFailed, type OutboxHandler } from '../jobs/index.js'
import { findAnnouncementChannel } from '../storage/repositories/announcement-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import type { OutboxRow } from '../storage/schema.js'
import { guardedRequest, RequestRefused } from './guarded-request.js'
import { type AnnouncementPayload, announceAdvisory } from './use-cases/announce-advisory.js'

/** 2xx delivered; 408, 429 and 5xx worth another try; any other answer (a 3xx too: redirects are not followed) refused for good. */
function judge(status: number): void {
  if (status >= 200 && status < 300) return
  const temporary = status === 408 || status === 429 || status >= 500
  throw new DeliveryFailed(status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`, !temporary)
}

export async function deliverAnnouncement(deps: Deps, row: OutboxRow): Promise<void> {
  const org = await findOrganizationById(deps.db, row.org_id)
  if (!org) throw new DeliveryFailed('organization is gone', true)
  const cipher = cipherFor(deps, org)
  const p = JSON.parse(cipher.decrypt(row.payload_enc, `outbox.payload|${row.id}`)) as AnnouncementPayload
  const channel = await findAnnouncementChannel(deps.db, cipher, org.id, p.channel)
  if (!channel) throw new DeliveryFailed(`${p.channel} is no longer delivered`, true)
  const s = channel.settings
  let status: number
  try {
    if (s.delivery === 'slack')
      status = await guardedRequest(deps.config, {
        method: 'POST',
        url: s.url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: p.text }),
      })
    else if (s.delivery === 'matrix')
      status = await guardedRequest(deps.config, {
        method: 'PUT',
        url: `${s.homeserver}/_matrix/client/v3/rooms/${encodeURIComponent(s.room)}/send/m.room.message/${encodeURIComponent(p.announcementId)}`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
        body: JSON.stringify({ msgtype: 'm.text', body: p.text }),
      })
    else if (s.delivery === 'webhook') {
      // The signature's timestamp is the moment the bytes leave (wall clock, not the application's
      // clock): the receiver compares it with its own clock to refuse replays.
      const sentAt = new Date()
      const signature = new Webhook(s.secret).sign(p.announcementId, sentAt, p.body)
      status = await guardedRequest(deps.config, {
        method: 'POST',
        url: s.url,
        headers: {
          'content-type': 'application/json',
          'webhook-id': p.announcementId,
          'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
          'webhook-signature': signature,
        },
        body: p.body,
      })
    } else throw new DeliveryFailed(`${p.channel} is now delivered by mail; this announcement was not`, true)
  } catch (error) {
    if (error instanceof DeliveryFailed) throw error
    if (error instanceof RequestRefused) throw new DeliveryFailed(error.message, true)
    throw new DeliveryFailed(error instanceof Error ? error.message : 'request failed', false)
  }
  judge(status)
  deps.log.info({ outboxId: row.id, orgId: org.id, delivery: s.delivery, event: 'announcement.sent' }, 'announcement sent')
}

/** The outbox handlers of announcements, for the shared delivery loop (`embargo serve`). */
export function announcementHandlers(deps: Deps): Record<string, OutboxHandler> {
  return {
    [advisoryPublishedKind]: {
      deliver: async (row) => {
        await announceAdvisory(deps, row)
      },
    },
    announcement: { deliver: (row) => deliverAnnouncement(deps, row) },
  }
}
