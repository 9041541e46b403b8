import { type EventType, isEventType } from '../domain/events.js'
import { isMessageKey, type MessageKey, type Translator } from '../i18n/messages.js'

type Data = Record<string, unknown>
/** What a timeline line may need besides the event: the names of the report's files (report text, never in the event log). */
interface Names {
  file: (id: string) => string | undefined
  /** A member's name by user id (the report page knows the organization's members). */
  member?: (id: string) => string
  /** A moment the event names, as the page shows moments (the organization's zone); as stored without it. */
  time?: (iso: string) => string
}
type Label = (t: Translator, d: Data, names: Names) => string

/** A recorded value (a rating, a clock, an action) in the page's language when the catalogue names it, else as recorded. */
const known = (t: Translator, key: string, recorded: string): string => (isMessageKey(key) ? t(key) : recorded)

const plain =
  (key: MessageKey): Label =>
  (t) =>
    t(key)
/** Events of the organization rather than of a report: shown by their type should one ever reach a report's timeline. */
const byType =
  (type: EventType): Label =>
  (t) =>
    t('event.other', { type })
const step: Label = (t, d) => t('event.process.step_done', { step: String(d.step ?? '') })

/**
 * The timeline's text of every event type of the catalogue, in one place: a new event type
 * without a label here does not compile.
 */
const labels: Record<EventType, Label> = {
  'organization.created': byType('organization.created'),
  'member.added': byType('member.added'),
  'program.added': byType('program.added'),
  'policy.imported': byType('policy.imported'),
  'advisory.published': plain('event.advisory.published'),
  'report.received': (t, d) => t('event.report.received', { channel: t(`channel.${d.channel}` as MessageKey) }),
  'report.registered': (t, d) =>
    typeof d.platform === 'string' ? t('event.report.registered', { platform: d.platform }) : t('event.report.registeredOther'),
  'report.status_changed': (t, d) =>
    t('event.report.status_changed', { from: t(`status.${d.from}` as MessageKey), to: t(`status.${d.to}` as MessageKey) }),
  'report.claimed': plain('event.report.claimed'),
  // To whom: the timeline says who holds the report after the handover.
  'report.assigned': (t, d, names) =>
    typeof d.to === 'string' && names.member
      ? t('event.report.assignedTo', { name: names.member(d.to) })
      : d.to === null
        ? t('event.report.unassigned')
        : t('event.report.assigned'),
  'report.released': plain('event.report.released'),
  'report.severity_set': (t, d) => t('event.report.severity_set', { to: known(t, `severity.rating.${String(d.to)}`, String(d.to ?? '—')) }),
  'report.cvss_set': (t, d) => t('event.report.cvss_set', { version: String(d.version), to: String(d.to ?? '—') }),
  'report.labels_set': plain('event.report.labels_set'),
  'report.waiting_on_reporter': plain('event.report.waiting_on_reporter'),
  'reply.sent': plain('event.reply.sent'),
  'note.added': plain('event.note.added'),
  'reporter.replied': plain('event.reporter.replied'),
  'reporter.escalated': (t, d) => t('event.reporter.escalated', { step: String(d.step ?? '') }),
  'reporter.link_revoked': plain('event.reporter.link_revoked'),
  'reporter.link_reissued': plain('event.reporter.link_reissued'),
  'process.step_done': step,
  'process.step_skipped': (t, d) => t('event.process.step_skipped', { step: String(d.step ?? '') }),
  'escalation.sent': (t, d) =>
    t('event.escalation.sent', {
      action: [
        known(t, `event.escalation.kind.${String(d.action)}`, String(d.action ?? '')),
        d.clock ? known(t, `clock.name.${String(d.clock)}`, String(d.clock)) : '',
        typeof d.target === 'string' ? known(t, `event.escalation.target.${d.target.split(':')[0]}`, d.target) : '',
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  'file.downloaded': (t, d, names) => t('event.file.downloaded', { name: names.file(String(d.file)) ?? t('reportPage.file.gone') }),
  'mail.message_id_reused': (t, d) => t('event.mail.message_id_reused', { mails: String(d.mails ?? 2) }),
  'credit.proposed': (t, d) => t('event.credit.proposed', { role: String(d.role ?? '') }),
  'credit.added': (t, d) => t('event.credit.added', { role: String(d.role ?? '') }),
  'credit.removed': plain('event.credit.removed'),
  'credit.accepted': (t, d) => t(d.renamed ? 'event.credit.accepted_renamed' : 'event.credit.accepted'),
  'credit.declined': plain('event.credit.declined'),
  'reward.recorded': (t, d) =>
    t('event.reward.recorded', {
      kind: t(`reward.kind.${d.kind}` as MessageKey),
      amount: d.amount == null ? '' : ` (${d.amount} ${d.currency})`,
    }),
  'reward.sent': (t, d) => t('event.reward.sent', { kind: t(`reward.kind.${d.kind}` as MessageKey) }),
  'member.invited': byType('member.invited'),
  'member.invitation_revoked': byType('member.invitation_revoked'),
  'member.invitation_accepted': byType('member.invitation_accepted'),
  'member.role_changed': byType('member.role_changed'),
  'member.removed': byType('member.removed'),
  'account.disabled': byType('account.disabled'),
  'account.enabled': byType('account.enabled'),
  'account.password_changed': byType('account.password_changed'),
  'account.password_reset': byType('account.password_reset'),
  'account.session_ended': byType('account.session_ended'),
  'cra.marked': (t, d) => t('event.cra.marked', { kind: t(`cra.kind.${d.kind}` as MessageKey) }),
  'cra.measure_recorded': plain('event.cra.measure_recorded'),
  'cra.stage_saved': (t, d) => t('event.cra.stage_saved', { stage: t(`cra.stage.${d.stage}` as MessageKey) }),
  'cra.stage_exported': (t, d) =>
    t('event.cra.stage_exported', { stage: t(`cra.stage.${d.stage}` as MessageKey), format: String(d.format) }),
  'cra.stage_filed': (t, d) =>
    t('event.cra.stage_filed', { stage: t(`cra.stage.${d.stage}` as MessageKey), reference: String(d.reference) }),
  'clock.breached': (t, d) => t('event.clock.breached', { clock: t(`mail.clock.${String(d.clock)}` as MessageKey) }),
  'cra.alert_sent': (t, d) => t('event.cra.alert_sent', { stage: t(`cra.stage.${d.stage}` as MessageKey), to: String(d.to) }),
  'advisory.created': (t, d) => t('event.advisory.created', { id: String(d.ownId ?? '') }),
  'advisory.linked': (t, d) => t('event.advisory.linked', { id: String(d.ownId ?? '') }),
  'advisory.edited': plain('event.advisory.edited'),
  'advisory.submitted': plain('event.advisory.submitted'),
  'advisory.approved': plain('event.advisory.approved'),
  'advisory.returned': plain('event.advisory.returned'),
  'advisory.scheduled': (t, d, names) => t('event.advisory.scheduled', { at: (names.time ?? String)(String(d.for ?? '')) }),
  'advisory.unscheduled': plain('event.advisory.unscheduled'),
  'advisory.updated': (t, d) => t('event.advisory.updated', { revision: String(d.revision ?? '') }),
  'advisory.withdrawn': plain('event.advisory.withdrawn'),
  'advisory.schedule_failed': plain('event.advisory.schedule_failed'),
  'advisory.identifier_set': (t, d) => t('event.advisory.identifier_set', { kind: String(d.kind ?? '').toUpperCase() }),
  'mfa.factor_added': byType('mfa.factor_added'),
  'mfa.factor_removed': byType('mfa.factor_removed'),
  'mfa.recovery_code_used': byType('mfa.recovery_code_used'),
  'report.read': (t, d) => t(d.via === 'api' ? 'event.report.read_api' : 'event.report.read'),
  'token.created': (t, d) => t('event.token.created', { scope: t(d.scope === 'work' ? 'tokens.scope.work' : 'tokens.scope.read') }),
  'token.revoked': plain('event.token.revoked'),
  'token.used': (t, d) => t('event.token.used', { route: `${String(d.method ?? '')} ${String(d.route ?? '')}` }),
  'sso.configured': byType('sso.configured'),
  'cve_services.configured': byType('cve_services.configured'),
  'sso.identity_linked': byType('sso.identity_linked'),
  'announcement.channel_configured': byType('announcement.channel_configured'),
  'advisory.cve_record_pushed': (t, d) =>
    t(d.update ? 'event.advisory.cve_record_updated' : 'event.advisory.cve_record_published', { cve: String(d.cveId ?? '') }),
  'advisory.cve_record_rejected': (t, d) => t('event.advisory.cve_record_rejected', { cve: String(d.cveId ?? '') }),
  'partner.added': byType('partner.added'),
  'partner.changed': byType('partner.changed'),
  'partner.removed': byType('partner.removed'),
  'advisory.release_planned': byType('advisory.release_planned'),
  'partner.notice_scheduled': byType('partner.notice_scheduled'),
  'partner.notice_sent': byType('partner.notice_sent'),
  'partner.notice_viewed': byType('partner.notice_viewed'),
  'partner.notice_acknowledged': byType('partner.notice_acknowledged'),
  'partner.notice_reminded': byType('partner.notice_reminded'),
  'partner.notice_rescheduled': byType('partner.notice_rescheduled'),
  'partner.release_moved_sent': byType('partner.release_moved_sent'),
  'advisory.merged_publicly': byType('advisory.merged_publicly'),
  'advisory.merge_window_opened': byType('advisory.merge_window_opened'),
  'announcement.notice_queued': (t, d) =>
    t('event.announcement.notice_queued', { channels: Array.isArray(d.channels) ? d.channels.join(', ') : '' }),
  'public_version.prepared': plain('event.public_version.prepared'),
  'public_version.approved': (t, d) => t(d.reviewed ? 'event.public_version.reviewed' : 'event.public_version.approved'),
  'public_version.objected': plain('event.public_version.objected'),
  'public_version.withdrawn': plain('event.public_version.withdrawn'),
  'public_version.published': plain('event.public_version.published'),
  'reply-template.created': plain('event.reply-template.created'),
  'reply-template.changed': plain('event.reply-template.changed'),
  'reply-template.deleted': plain('event.reply-template.deleted'),
}

/** One line of the report's timeline; a type the catalogue does not know (an old row) is shown as it is. */
export function eventText(t: Translator, e: { type: string; data: Data }, names: Names): string {
  return isEventType(e.type) ? labels[e.type](t, e.data, names) : t('event.other', { type: e.type })
}
