/**
 * One outbox mail row → the message to send: generic Subject, body from the template of its kind,
 * the report's reply address and threading headers, encrypted to the reporter's key when known,
 * only a link when the organization requires encryption and there is no key.
 */
import { cipherFor, type Deps } from '../deps.js'
import { en } from '../i18n/en/index.js'
import { formatTime, formatTimeWithUtc } from '../i18n/format-time.js'
import { type MessageKey, type Translator, translator } from '../i18n/messages.js'
import {
  ensureReplyToken,
  findOrgMail,
  findReporterKey,
  firstInboundMessageId,
  linkMessageId,
} from '../storage/repositories/mail-repository.js'
import { listMessages } from '../storage/repositories/message-repository.js'
import { findOrganizationById } from '../storage/repositories/organization-repository.js'
import { findReportByRef } from '../storage/repositories/report-repository.js'
import type { OutboxRow } from '../storage/schema.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { type ComposedMail, composeOutbound, type OutboundMessage } from './compose-outbound.js'
import { orgKeyring } from './org-keyrings.js'
import { newReplyToken, replyAddress } from './reply-address.js'

/**
 * What `reporterMail` (src/reports/record-transition.ts), the clock scheduler
 * (src/jobs/clock-scheduler.ts) and the reporter's escalation (src/policy/reporter-escalation.ts) write.
 */
export interface MailPayload {
  template: string
  to: string
  ref: string
  orgName: string
  followUpUrl?: string
  /** Team mail: the report in the workspace. */
  link?: string
  /** Clock actions: which clock and when it falls (fell) due. */
  clock?: string
  dueAt?: string
  /** Escalation step (1-based). */
  step?: number
  /** `reporter.channel-refused`: the channels the policy accepts, one a line. */
  channels?: string
  /** `announcement`: an advisory's public announcement (src/announcements), subject and text as written there. */
  subject?: string
  text?: string
  /** Partner mail (src/partners): `text` is the whole body, written by the partners feature; `secret` when it holds advisory text. */
  secret?: boolean
  /** Partner mail: the contact's armored OpenPGP public key, when the partner gave one. */
  recipientKey?: string
}

export class NotSendable extends Error {}

/** Fixed per outbox row, so a retry after a lost 250 carries the same Message-ID. */
export const outboundMessageId = (deps: Pick<Deps, 'config'>, rowId: string): string =>
  `<${rowId}@${deps.config.publicUrl.hostname || 'localhost'}>`

export async function buildOutboundMail(deps: Deps, row: OutboxRow): Promise<ComposedMail> {
  const t = translator('en')
  const org = await findOrganizationById(deps.db, row.org_id)
  if (!org) throw new NotSendable('organization is gone')
  const cipher = cipherFor(deps, org)
  const payload = JSON.parse(cipher.decrypt(row.payload_enc, `outbox.payload|${row.id}`)) as MailPayload
  const settings = await findOrgMail(deps.db, org.id)
  const fromAddress = settings?.securityAddress ?? deps.config.mailFrom
  if (!fromAddress) throw new NotSendable('no sender address: set the security address on the admin mail page')
  const messageId = outboundMessageId(deps, row.id)
  if (payload.template === 'announcement') return composeAnnouncement(deps, payload, fromAddress, messageId)
  // Partner mail (src/partners): advisory text goes only encrypted to the contact's key; without a
  // usable key the body is the partner's capability link alone, never the text in clear.
  if (partnerTemplates.includes(payload.template)) {
    const msg: OutboundMessage = {
      from: { address: fromAddress, name: payload.orgName },
      to: { address: payload.to },
      reference: payload.ref,
      subject: t(subjectKey(payload.template)),
      text: payload.text ?? '',
      messageId,
      autoSubmitted: 'auto-generated',
      encryptionRequired: payload.secret === true,
      readLink: payload.link ?? deps.config.publicUrl.href,
      withheldNotice: t('mail.withheld.partner'),
    }
    if (payload.recipientKey) msg.recipientPublicKey = payload.recipientKey
    // Signed with the organization's key too, as reporter mail is, so the partner can check who wrote it.
    if (payload.recipientKey && settings?.fingerprint) {
      const { keys } = await (await orgKeyring(deps.db, cipher, org.id, settings.fingerprint)).unlocked()
      const signing = keys.find((k) => k.getFingerprint() === settings.fingerprint?.toLowerCase()) ?? keys[0]
      if (signing) msg.signingKey = signing
    }
    return composeOutbound(msg, deps.now())
  }
  const report = await findReportByRef(deps.db, cipher, org.id, payload.ref)
  const at = deps.now().toISOString()
  // Team mail carries no report text and is not part of the reporter's thread: no reply address,
  // no threading, never encrypted to the reporter's key.
  const team = payload.template.startsWith('team.') || accountTemplates.includes(payload.template)
  const link = team
    ? typeof payload.link === 'string'
      ? payload.link
      : new URL(`/w/${org.slug}/reports/${payload.ref}`, deps.config.publicUrl).href
    : (payload.followUpUrl ??
      new URL(payload.template === 'reporter.may-escalate' ? '/follow-up/escalate' : '/follow-up', deps.config.publicUrl).href)

  const msg: OutboundMessage = {
    from: { address: fromAddress, name: payload.orgName },
    to: { address: payload.to },
    reference: payload.ref,
    subject: t(subjectKey(payload.template)),
    text: '',
    messageId,
    // RFC 3834: only mail a machine wrote is automatic; a team member's reply is a person writing.
    ...(payload.template === 'reporter.reply'
      ? {}
      : { autoSubmitted: payload.template === 'reporter.acknowledgment' ? ('auto-replied' as const) : ('auto-generated' as const) }),
    // Notices of the clocks are catalogue text only (reference, times, a link): nothing to withhold.
    encryptionRequired: isTimed(payload.template) ? false : (settings?.encryptionRequired ?? false),
    readLink: link,
    withheldNotice: t('mail.withheld'),
  }
  let text = ''
  if (report && !team) {
    if (settings) msg.replyTo = replyAddress(settings.securityAddress, await ensureReplyToken(deps.db, org.id, report.id, newReplyToken()))
    const first = await firstInboundMessageId(deps.db, cipher, org.id, report.id)
    if (first) {
      msg.inReplyTo = `<${first}>`
      msg.references = [`<${first}>`]
    }
    // A proposed key (it arrived with a mail, self-asserted) is still used to encrypt: strictly
    // better than clear text. It never makes a signature `verified` (see pgp-inbound.ts).
    const key = await findReporterKey(deps.db, cipher, org.id, report.reporterId)
    if (key) {
      msg.recipientPublicKey = key.armored
      // Signed with the organization's key too (issue 8, finding 10), when it has one that unlocks.
      if (settings?.fingerprint) {
        const { keys } = await (await orgKeyring(deps.db, cipher, org.id, settings.fingerprint)).unlocked()
        const signing = keys.find((k) => k.getFingerprint() === settings.fingerprint?.toLowerCase()) ?? keys[0]
        if (signing) msg.signingKey = signing
      }
    }
    if (payload.template === 'reporter.reply') {
      const thread = await listMessages(deps.db, cipher, org.id, report.id, { visibility: 'reporter' })
      text = thread.filter((m) => m.authorKind !== 'reporter' && m.createdAt <= row.created_at).at(-1)?.body ?? ''
    }
    await linkMessageId(deps.db, cipher, org.id, messageId.slice(1, -1), report.id, 'out', at)
  }
  const zone = isTimed(payload.template) ? await orgTimeZone(deps.db, org.id, report?.id) : undefined
  const clockKey = `mail.clock.${payload.clock}`
  const vars = {
    org: payload.orgName,
    ref: payload.ref,
    link,
    status: report ? t(`status.${report.status}` as MessageKey) : '',
    text,
    clock: t(clockKey in en ? (clockKey as MessageKey) : 'mail.clock.unknown'),
    // When the clock fell due; for the reporter's own escalation, when they escalated.
    due: dueText(
      t,
      payload.template,
      payload.template === 'team.reporter-escalation' || typeof payload.dueAt !== 'string' ? row.created_at : payload.dueAt,
      zone,
    ),
    step: typeof payload.step === 'number' ? payload.step : 1,
  }
  if (payload.template === 'reporter.channel-refused') vars.text = payload.channels ?? ''
  if (payload.template === 'team.notification-digest') vars.text = payload.text ?? ''
  msg.text = t(bodyKey(payload.template), vars)
  return composeOutbound(msg, deps.now())
}

/**
 * An advisory's announcement to a mailing list: only what the advisory's public record says, so
 * subject and text may be clear; no reply address, no thread, never encrypted (a list has no key).
 */
function composeAnnouncement(deps: Deps, payload: MailPayload, fromAddress: string, messageId: string): Promise<ComposedMail> {
  return composeOutbound(
    {
      from: { address: fromAddress, name: payload.orgName },
      to: { address: payload.to },
      reference: payload.ref,
      subject: payload.subject ?? '',
      text: payload.text ?? '',
      messageId,
      autoSubmitted: 'auto-generated',
      encryptionRequired: false,
      // Never used (not encrypted, never withheld), but every message names where it can be read: the public advisory.
      readLink: payload.link ?? deps.config.publicUrl.href,
    },
    deps.now(),
  )
}

const templates = [
  'reporter.acknowledgment',
  'reporter.reply',
  'reporter.status-changed',
  // A fresh follow-up link the reporter asked for (src/portal/capability.ts): carries a secret, so not "timed".
  'reporter.new-link',
  // The clock scheduler's (clockTemplates) and the reporter's escalation.
  'team.clock-reminder',
  'team.clock-escalation',
  'team.severity-alert',
  'team.reporter-escalation',
  'reporter.may-escalate',
  'reporter.final-update',
  'reporter.may-disclose',
  // The team proposes a credit line (src/recognition): catalogue text and a link only, like the clock notices.
  'reporter.credit-proposed',
  // Mail to an organization whose policy closed the e-mail channel: where to report instead (catalogue text only).
  'reporter.channel-refused',
  // The redacted public version of the report is proposed (src/report-publication): catalogue text and a link only.
  'reporter.public-version-proposed',
  // The Cyber Resilience Act's clocks (src/regulation): catalogue text, times and a link, to the whole team and named contacts.
  'team.cra-reminder',
  'team.cra-overdue',
  // The public-merge window of an advisory's planned release opened (src/partners): catalogue text, the release time and a link.
  'team.merge-window',
  // The daily digest of a member's unread notifications (src/notifications): references and catalogue text only, written there.
  'team.notification-digest',
]
/** A time in a mail: the team reads the organization's zone; a reporter, anywhere in the world, that zone and UTC. */
const dueText = (t: Translator, template: string, iso: string, zone: string | undefined): string =>
  template.startsWith('reporter.') ? formatTimeWithUtc(t, iso, zone) : formatTime(iso, zone, t.locale)

/** Templates whose text names a time. */
const timed = new Set(templates.slice(4))
const isTimed = (name: string) => timed.has(name)
/** Mail of the accounts feature (invitations, password resets): no report, a secret link, sent like team mail. */
const accountTemplates = ['account.invitation', 'account.password-reset']
/** Mail to an organization's partners (src/partners): early notice, its reminders, a moved release. */
const partnerTemplates = ['partner.early-notice', 'partner.reminder', 'partner.release-moved']
const known = (template: string) =>
  templates.includes(template) || accountTemplates.includes(template) || partnerTemplates.includes(template)
const subjectKey = (template: string): MessageKey => (known(template) ? (`mail.subject.${template}` as MessageKey) : 'mail.subject.default')
const bodyKey = (template: string): MessageKey => (known(template) ? (`mail.body.${template}` as MessageKey) : 'mail.body.default')
