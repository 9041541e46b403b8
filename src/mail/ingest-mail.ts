/**
 * Ingestion of one stored inbound mail: parse → decrypt → verify → a new report (through intake)
 * or a reporter's reply threaded to its report (through the portal's reply path) → attachments →
 * acknowledgment via the outbox, never for mail a machine wrote.
 *
 * Exactly once: the stored mail's state moves from `received` to `ingested`/`quarantined` in the
 * same unit of work that writes the report or reply. A second ingestion of the same row (the
 * startup sweep racing a live one) finds it taken and its unit rolls back; a second copy of the same mail
 * never got a row (unique hash of the raw bytes per organization, see inbound-service.ts).
 */
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { cipherFor, type Deps } from '../deps.js'
import { newEvent } from '../domain/events.js'
import { acceptedChannels, acceptsThrough, type ChannelState } from '../domain/policy/channels.js'
import { submissionLimits, validateSubmission } from '../domain/report/submission.js'
import { reply } from '../domain/report/workflow.js'
import { fail, ok, type Result } from '../domain/result.js'
import { normalizeAddress } from '../domain/text-hygiene.js'
import { translator } from '../i18n/messages.js'
import { acceptedChannelsText, receiveReport } from '../intake/index.js'
import { writeReporterReply } from '../portal/index.js'
import type { IndexingOrgCipher } from '../storage/cipher.js'
import { newSecret } from '../storage/ids.js'
import { toDomain } from '../storage/report-state.js'
import {
  countInboundFailure,
  ensureReplyToken,
  findInboundMail,
  findMailsReusingMessageId,
  findOrgMail,
  findReporterKey,
  findReportIdByMessageId,
  findReportIdByReplyToken,
  insertAttachments,
  linkMessageId,
  markInbound,
  type OrgMailSettings,
  type StoredInboundMail,
  saveReporterKey,
} from '../storage/repositories/mail-repository.js'
import type { OutboxItem } from '../storage/repositories/outbox-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { findReportById } from '../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { runUnit, type Unit } from '../storage/unit-of-work.js'
import { htmlToPlainText } from './html-text.js'
import { orgKeyring } from './org-keyrings.js'
import { type InboundMail, parseInbound } from './parse-inbound.js'
import { findThread, newReplyToken } from './reply-address.js'

export type IngestOutcome =
  | { kind: 'report'; reportId: string; ref: string }
  | { kind: 'reply'; reportId: string; via: string }
  | { kind: 'quarantined'; reason: string }
  | { kind: 'skipped' }

/** After this many failed attempts (a bug, not an outage) the mail is quarantined for a person to look at. */
const maxAttempts = 5

/** Another ingestion (the startup sweep racing a live one) took the stored mail first: this one rolls back. */
type Taken = Result<never, 'already-ingested'>
const taken: Taken = fail('already-ingested')

/** Ingests one stored mail. Throws only for failures worth retrying (database down); counts them. */
export async function ingestMail(deps: Deps, org: OrganizationRow, inboundId: string): Promise<IngestOutcome> {
  const cipher = cipherFor(deps, org)
  const stored = await findInboundMail(deps.db, cipher, org.id, inboundId)
  if (stored?.state !== 'received') return { kind: 'skipped' }
  try {
    return await ingestStored(deps, org, cipher, stored)
  } catch (error) {
    const reason = `ingestion failed: ${error instanceof Error ? error.name : 'error'}`
    await countInboundFailure(deps.db, org.id, inboundId, reason).catch(() => undefined)
    if (stored.attempts + 1 >= maxAttempts) return quarantine(deps, org, inboundId, reason).catch(() => ({ kind: 'skipped' }) as const)
    throw error
  }
}

async function ingestStored(
  deps: Deps,
  org: OrganizationRow,
  cipher: IndexingOrgCipher,
  stored: StoredInboundMail,
): Promise<IngestOutcome> {
  const { id: inboundId, raw, envelope } = stored
  const settings = await findOrgMail(deps.db, org.id)
  if (!settings) return quarantine(deps, org, inboundId, 'organization has no mail settings')
  const orgKeys = await orgKeyring(deps.db, cipher, org.id, settings.fingerprint)
  const parsed = await parseInbound(raw, { orgKeys })
  if (parsed.status === 'rejected') return quarantine(deps, org, inboundId, `${parsed.reason}: ${parsed.detail}`.slice(0, 300))
  const mail = parsed.mail
  const from = normalizeAddress(mail.from.address ?? undefined)
  if (from !== null && isOurs(from, settings)) return quarantine(deps, org, inboundId, 'loop: mail from our own address')
  const bounce =
    envelope.nullSender ||
    /multipart\/report|mailer-daemon|postmaster|null return path|x-failed-recipients/i.test(mail.autoSubmittedReason ?? '')

  const thread = await findThread(
    { recipients: [...envelope.rcptTo, ...mail.to.map((t) => t.address)], inReplyTo: mail.inReplyTo, references: mail.references },
    settings.securityAddress,
    {
      byToken: (token) => findReportIdByReplyToken(deps.db, org.id, token),
      byMessageId: (id) => findReportIdByMessageId(deps.db, cipher, org.id, id),
    },
  )
  const at = deps.now().toISOString()
  if (thread) {
    // A robot's answer to our mail (out-of-office, bounce) is not the reporter talking.
    if (mail.autoSubmitted || bounce) return quarantine(deps, org, inboundId, `automatic reply: ${mail.autoSubmittedReason ?? 'bounce'}`)
    const report = await findReportById(deps.db, cipher, org.id, thread.report)
    if (!report) return quarantine(deps, org, inboundId, 'threaded report is gone')
    const body = replyBody(mail)
    const t = reply(toDomain(report, false), { actor: { kind: 'reporter' }, at, body, visibility: 'reporter' })
    if (!t.ok) return quarantine(deps, org, inboundId, `reply refused: ${t.error.code}`)
    const files = await attachmentsOf(mail)
    const written = await runUnit(deps, org, async (u) => {
      if (!(await claim(u, inboundId, report.id))) return taken
      const messageId = await writeReporterReply(u, report, t.value, body)
      await storeExtras(u, report.id, report.reporterId, messageId, mail, files)
      await noteReusedMessageId(u, stored, report.id)
      return ok(messageId)
    })
    if (!written.ok) return { kind: 'skipped' }
    deps.log.info({ orgId: org.id, reportId: report.id, inboundId, via: thread.via, event: 'mail.reply' }, 'reporter reply by mail')
    return { kind: 'reply', reportId: report.id, via: thread.via }
  }

  if (bounce) return quarantine(deps, org, inboundId, `bounce: ${mail.autoSubmittedReason ?? 'null sender'}`)
  // The policy closed the e-mail channel: no report, and the sender is told where to go (never silence; never a robot).
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  if (!acceptsThrough(policy, 'email')) {
    const answer = mail.autoSubmitted || from === null ? null : refusalMail(deps, org, from, acceptedChannels(policy))
    return quarantine(deps, org, inboundId, 'e-mail channel closed by the policy', answer)
  }
  const checked = validateSubmission(submissionFrom(mail, from), [])
  if (!checked.ok) return quarantine(deps, org, inboundId, `not a valid report: ${Object.keys(checked.error).join(', ')}`)
  const files = await attachmentsOf(mail)
  const created = await runUnit(deps, org, async (u) => {
    // The follow-up link travels only inside the acknowledgment (sealed in the outbox payload).
    const r = await receiveReport(u, deps, org, checked.value, 'email', newSecret(), { acknowledge: !mail.autoSubmitted })
    if (!(await claim(u, inboundId, r.reportId))) return taken
    await ensureReplyToken(u.tx, org.id, r.reportId, newReplyToken())
    await storeExtras(u, r.reportId, r.reporterId, null, mail, files)
    await noteReusedMessageId(u, stored, r.reportId)
    return ok(r)
  })
  if (!created.ok) return { kind: 'skipped' }
  deps.log.info({ orgId: org.id, reportId: created.value.reportId, inboundId, event: 'mail.report' }, 'report received by mail')
  return { kind: 'report', reportId: created.value.reportId, ref: created.value.ref }
}

/** Moves the stored mail from `received` to `ingested`, exactly once; false when another ingestion took it. */
const claim = (u: Unit, inboundId: string, reportId: string): Promise<boolean> =>
  markInbound(u.tx, u.orgId, inboundId, { state: 'ingested', reason: null, reportId }, u.at)

/** The automatic answer to mail the policy does not take as a report: the channels it accepts instead. */
const refusalMail = (deps: Deps, org: OrganizationRow, to: string, accepted: ChannelState[]): OutboxItem => ({
  kind: 'mail',
  payload: {
    template: 'reporter.channel-refused',
    to,
    ref: org.ref_prefix,
    orgName: org.name,
    channels: acceptedChannelsText({ t: translator('en') }, org.slug, deps.config.publicUrl, accepted),
  },
})

async function quarantine(
  deps: Deps,
  org: OrganizationRow,
  inboundId: string,
  reason: string,
  answer: OutboxItem | null = null,
): Promise<IngestOutcome> {
  const marked = await runUnit(deps, org, async (u) => {
    if (!(await markInbound(u.tx, u.orgId, inboundId, { state: 'quarantined', reason, reportId: null }, u.at))) return taken
    if (answer) u.send(answer)
    return ok(undefined)
  })
  if (!marked.ok) return { kind: 'skipped' }
  deps.log.warn({ orgId: org.id, inboundId, reason, event: 'mail.quarantined' }, 'inbound mail quarantined')
  return { kind: 'quarantined', reason }
}

/**
 * Finding 1 (issue 8): a Message-ID is chosen by the sender, so a different mail carrying the ID of
 * an earlier one is stored and ingested as its own mail, and the collision is put on the timeline
 * of every report involved: this mail's, and the reports of the earlier mails with that ID. The
 * event carries no Message-ID (it is sealed at rest; the event log is not).
 */
async function noteReusedMessageId(u: Unit, stored: StoredInboundMail, reportId: string): Promise<void> {
  if (stored.messageIdIndex === null) return
  const others = await findMailsReusingMessageId(u.tx, u.orgId, stored.id, stored.messageIdIndex)
  if (others.length === 0) return
  const reports = new Set<string>([reportId])
  for (const o of others) if (o.report_id) reports.add(o.report_id)
  for (const id of reports)
    u.record(newEvent('mail.message_id_reused', { kind: 'system' }, u.at, id, { inboundId: stored.id, mails: others.length + 1 }))
}

/** A file as it will be stored: its bytes, hash and the type recognized from the bytes (never the declared one). */
interface File {
  name: string
  declaredType: string
  sniffedType: string | null
  content: Buffer
  sha256: string
}

/** What `file-type` recognizes in the bytes, or null (text formats, unknown or malformed data). */
async function sniff(content: Buffer): Promise<string | null> {
  try {
    return (await fileTypeFromBuffer(content))?.mime ?? null
  } catch {
    return null
  }
}

/**
 * The mail's attachments, plus the original HTML of an HTML-only mail as `message.html` (its text
 * is what the thread shows; the markup stays available to download, never rendered).
 * Sniffed before the transaction, so the transaction stays short.
 */
async function attachmentsOf(mail: InboundMail): Promise<File[]> {
  const parts = mail.attachments.map((a) => ({ name: a.filename, declaredType: a.contentType, content: a.content }))
  if (htmlOnly(mail)) parts.push({ name: 'message.html', declaredType: 'text/html', content: Buffer.from(mail.html!, 'utf8') })
  return Promise.all(
    parts.map(async (p) => ({ ...p, sniffedType: await sniff(p.content), sha256: createHash('sha256').update(p.content).digest('hex') })),
  )
}

/** Attachments, the Message-ID for threading, and a key the sender attached (proposed, never replacing one). */
async function storeExtras(
  u: Unit,
  reportId: string,
  reporterId: string,
  messageId: string | null,
  mail: InboundMail,
  files: File[],
): Promise<void> {
  const { tx, cipher, orgId, at } = u
  await insertAttachments(
    tx,
    cipher,
    orgId,
    files.map((f) => ({
      reportId,
      messageId,
      safeName: f.name,
      contentType: f.declaredType.slice(0, 200),
      sniffedType: f.sniffedType,
      content: f.content,
      sha256: f.sha256,
    })),
    at,
  )
  // A Message-ID already linked to another report by a different mail becomes ambiguous and threads nothing.
  if (mail.messageId) await linkMessageId(tx, cipher, orgId, mail.messageId, reportId, 'in', at)
  if (mail.senderPublicKey && !(await findReporterKey(tx, cipher, orgId, reporterId))) {
    await saveReporterKey(tx, cipher, orgId, reporterId, mail.senderPublicKey, 'proposed')
  }
}

function isOurs(address: string, settings: OrgMailSettings): boolean {
  const base = settings.securityAddress
  const at = base.lastIndexOf('@')
  return address === base || (address.startsWith(`${base.slice(0, at)}+`) && address.endsWith(base.slice(at)))
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const controls = /[\u0000-\u0008\u000a-\u001f\u007f]/g

function submissionFrom(mail: InboundMail, from: string | null) {
  const title = mail.subject.replace(controls, ' ').trim().toWellFormed().slice(0, submissionLimits.title) || '(no subject)'
  const name = mail.from.name.replace(controls, ' ').trim().toWellFormed().slice(0, submissionLimits.reporterName)
  return {
    title,
    description: replyBody(mail).slice(0, submissionLimits.description),
    reporterName: name,
    reporterEmail:
      from !== null &&
      from.length <= submissionLimits.reporterEmail &&
      /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/.test(from)
        ? from
        : '',
    creditPreference: 'anonymous',
  }
}

/** A mail with no text part but an HTML one: its text comes from the HTML. */
const htmlOnly = (mail: InboundMail): boolean => !mail.decryptionFailed && mail.text.trim() === '' && (mail.html ?? '').trim() !== ''

/** The text a person wrote, or a note saying why there is none (the raw mail stays stored). */
function replyBody(mail: InboundMail): string {
  if (mail.decryptionFailed) return `(The encrypted mail could not be decrypted: ${mail.decryptionFailed})`
  const text = (htmlOnly(mail) ? htmlToPlainText(mail.html!) : mail.text).replaceAll('\u0000', '').toWellFormed()
  if (text.trim() !== '') return text
  return mail.attachments.length > 0 ? `(No text; ${mail.attachments.length} attachment(s).)` : '(Empty message.)'
}
