/**
 * Sending an early notice, in the caller's unit of work: the partner's capability token is issued
 * (only its hash kept), the notice marked sent — only if it is still in the state it was read in,
 * so a scheduled notice goes once however many job runs race for it — the event recorded, and one
 * mail per contact queued in the outbox: the advisory draft encrypted to the contact's key, or the
 * link alone for a contact without one (src/mail/outbound-mail.ts never sends partner text in clear).
 */
import type { Deps } from '../deps.js'
import { revisionText } from '../domain/advisory/revision-text.js'
import { type EventActor, newEvent } from '../domain/events.js'
import type { Partner } from '../domain/partner/partner.js'
import { formatTimeWithUtc } from '../i18n/format-time.js'
import { translator } from '../i18n/messages.js'
import { hashSecret, newSecret } from '../storage/ids.js'
import type { StoredAdvisory } from '../storage/repositories/advisory-repository.js'
import type { OutboxItem } from '../storage/repositories/outbox-repository.js'
import { markNoticeSent, type NoticeState } from '../storage/repositories/partner-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import type { Unit } from '../storage/unit-of-work.js'
import { noticeUrl } from './notice-links.js'

export interface NoticeContext {
  org: Pick<OrganizationRow, 'id' | 'name' | 'slug'>
  advisory: StoredAdvisory
  partner: Partner
  /** The organization's time zone (the policy's calendar). */
  zone: string | undefined
}

const t = translator('en')

/** One mail per contact of the partner; `secret` mails carry advisory text and go only encrypted. */
export function partnerMails(
  c: NoticeContext,
  template: 'partner.early-notice' | 'partner.reminder' | 'partner.release-moved',
  text: string,
  link: string | undefined,
): OutboxItem[] {
  return c.partner.contacts.map((contact) => ({
    kind: 'mail',
    payload: {
      template,
      to: contact.address,
      ref: c.advisory.ownId,
      orgName: c.org.name,
      text,
      secret: template === 'partner.early-notice',
      ...(link ? { link } : {}),
      ...(contact.publicKey ? { recipientKey: contact.publicKey } : {}),
    },
  }))
}

const releaseText = (c: NoticeContext) =>
  c.advisory.releaseAt ? formatTimeWithUtc(t, c.advisory.releaseAt, c.zone) : t('partners.release.none')

/** The early notice's text: who, until when it is confidential, the acknowledgment link, then the draft. */
export function earlyNoticeText(c: NoticeContext, link: string): string {
  return `${t('partners.mail.notice', { org: c.org.name, partner: c.partner.name, id: c.advisory.ownId, release: releaseText(c), link })}\n\n${revisionText(c.advisory.content)}`
}

/** Sends the notice `noticeId` (in state `from`) inside `u`; false when someone else already did. */
export async function deliverNotice(
  deps: Pick<Deps, 'config'>,
  u: Unit,
  c: NoticeContext,
  noticeId: string,
  from: NoticeState,
  actor: EventActor,
): Promise<boolean> {
  const token = newSecret()
  if (!(await markNoticeSent(u.tx, u.orgId, noticeId, from, hashSecret(token), u.at))) return false
  const link = noticeUrl(deps, token)
  u.send(...partnerMails(c, 'partner.early-notice', earlyNoticeText(c, link), link))
  u.record(
    newEvent('partner.notice_sent', actor, u.at, null, {
      advisoryId: c.advisory.id,
      partnerId: c.partner.id,
      noticeId,
      contacts: c.partner.contacts.length,
      encrypted: c.partner.contacts.filter((k) => k.publicKey).length,
    }),
  )
  return true
}

/** The reminder of an unacknowledged notice: catalogue text and dates only (the link is in the first mail). */
export function reminderText(c: NoticeContext, sentAt: string): string {
  return t('partners.mail.reminder', {
    org: c.org.name,
    id: c.advisory.ownId,
    sent: formatTimeWithUtc(t, sentAt, c.zone),
    release: releaseText(c),
  })
}

/** The release moved: reference and the new date only. */
export function releaseMovedText(c: NoticeContext): string {
  return t('partners.mail.releaseMoved', { org: c.org.name, id: c.advisory.ownId, release: releaseText(c) })
}
