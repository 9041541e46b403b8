import { cipherFor, type Deps } from '../../deps.js'
import type { PublishedAdvisory } from '../../domain/advisory/advisory.js'
import { type AdvisoryPublishedPayload, announcementFacts } from '../../domain/advisory/announcement.js'
import { translator } from '../../i18n/messages.js'
import { DeliveryFailed } from '../../jobs/index.js'
import { newId } from '../../storage/ids.js'
import { findAnnouncementChannel, findPublishedById, insertAnnouncement } from '../../storage/repositories/announcement-repository.js'
import { findOrganizationById } from '../../storage/repositories/organization-repository.js'
import { currentPolicy } from '../../storage/repositories/policy-repository.js'
import type { OutboxRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { announcementSubject, announcementText, webhookBody } from '../announcement-text.js'

/** What an `announcement` outbox row carries: the finished message, built once so every retry sends the same bytes. */
export interface AnnouncementPayload {
  announcementId: string
  channel: string
  text: string
  /** The signed webhook's JSON body. */
  body: string
}

/**
 * Disclosure day's fan-out, run by the outbox loop for the `advisory.published` row the publishing
 * unit wrote: for each channel of the current policy's `disclosure.announcements[]` that has a
 * delivery, one unit writes the unique (advisory, channel) `announcement` row and queues its
 * delivery (a mail to the list, or an `announcement` row for Slack, Matrix or the signed webhook).
 * Run twice (two processes, a crash before the row was marked done), it finds the rows there and
 * queues nothing more. A withdrawn or vanished advisory is not announced.
 */
export async function announceAdvisory(deps: Deps, row: OutboxRow): Promise<number> {
  const org = await findOrganizationById(deps.db, row.org_id)
  if (!org) throw new DeliveryFailed('organization is gone', true)
  const cipher = cipherFor(deps, org)
  const { advisoryId } = JSON.parse(cipher.decrypt(row.payload_enc, `outbox.payload|${row.id}`)) as AdvisoryPublishedPayload
  const json = await findPublishedById(deps.db, org.id, advisoryId)
  if (!json) return 0
  const advisory = JSON.parse(json) as PublishedAdvisory
  if (advisory.state !== 'published') return 0
  const disclosure = (await currentPolicy(deps.db, org.id))?.policy.disclosure
  const names = [...new Set((disclosure?.announcements ?? []).map((a) => a.name))]
  if (names.length === 0) return 0
  const base = deps.config.publicUrl.href.replace(/\/+$/, '')
  const url = `${base}/o/${encodeURIComponent(org.slug)}/advisories/${encodeURIComponent(advisory.identifiers.own)}`
  const facts = announcementFacts(advisory, url, disclosure?.includeMitigations === true)
  const t = translator('en')
  const text = announcementText(t, facts, org.name)
  const subject = announcementSubject(t, facts)
  return runUnit(deps, org, async (u) => {
    let queued = 0
    for (const name of names) {
      const channel = await findAnnouncementChannel(u.tx, u.cipher, org.id, name)
      if (!channel) continue
      const id = newId()
      const outboxId = newId()
      const s = channel.settings
      const first = await insertAnnouncement(u.tx, {
        id,
        orgId: org.id,
        advisoryId,
        channel: name,
        delivery: s.delivery,
        outboxId,
        at: u.at,
      })
      if (!first) continue
      queued += 1
      if (s.delivery === 'mail')
        u.send({
          id: outboxId,
          kind: 'mail',
          payload: { template: 'announcement', to: s.address, ref: facts.id, orgName: org.name, subject, text, link: facts.url },
        })
      else
        u.send({
          id: outboxId,
          kind: 'announcement',
          payload: { announcementId: id, channel: name, text, body: webhookBody(facts, org, text) } satisfies AnnouncementPayload,
        })
    }
    return queued
  })
}
