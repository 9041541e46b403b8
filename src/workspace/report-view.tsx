import { severityLabel } from '../domain/severity/scoring.js'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Cell,
  HiddenInput,
  KeyValue,
  Markdown,
  PageHeader,
  RadioGroup,
  Select,
  SeverityText,
  StatusBadge,
  Table,
  TeamTime,
  TextArea,
  TextInput,
  ThreadMessage,
  Timeline,
  WorkspaceLayout,
} from '../http/views/components/index.js'
import { renderMarkdown } from '../http/views/markdown.js'
import type { PageContext } from '../http/views/page-context.js'
import { formatTime } from '../i18n/format-time.js'
import type { MessageKey, Translator } from '../i18n/messages.js'
import { RecognitionPanel, type RecognitionPanelView } from '../recognition/index.js'
import { CraPanel, type CraPanelView } from '../regulation/index.js'
import { type ReplyTemplateChoice, ReplyTemplatePicker } from '../reply-templates/index.js'
import { PublicVersionPanel, type PublicVersionPanelView } from '../report-publication/index.js'
import type { Role } from '../storage/schema.js'
import type { ReportFile } from './attachments.js'
import { ClockPanel, DetailedResponseFields } from './clock-panel.js'
import { eventText } from './event-text.js'
import type { TeamReportView } from './load-report.js'

export interface ReportPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  userId: string
  view: TeamReportView
  /** What the reporter attached and the raw mails, when the viewer may read the report (see attachments.ts). */
  files: ReportFile[]
  /** A refusal to show above the page (e.g. "another responder already claimed this report"). */
  problem?: string | undefined
  /** The reply being written, kept when sending it was refused. */
  draft?: { body: string; visibility: string } | undefined
  /** Credits and rewards of the report (src/recognition). */
  recognition?: RecognitionPanelView | undefined
  /** The public version of the report (src/report-publication). */
  publicVersion?: PublicVersionPanelView | undefined
  /** The EU Cyber Resilience Act case of the report, or the way to open one (src/regulation). */
  cra?: CraPanelView | undefined
  /** Reply templates to insert into the reply form, and the one inserted (src/reply-templates). */
  templates?: ReplyTemplateChoice | undefined
}

/** The reporter's files: name (a download link), size, type recognized from the bytes, SHA-256. */
function FileList({ t, files }: { t: Translator; files: ReportFile[] }) {
  if (files.length === 0) return <p class="text-muted">{t('reportPage.noFiles')}</p>
  const head = [t('reportPage.file.name'), t('reportPage.file.size'), t('reportPage.file.type'), t('reportPage.file.sha256')]
  return (
    <Table head={head} stack>
      {files.map((f) => (
        <tr key={f.id}>
          <Cell label={head[0]} kind="title">
            <a href={f.href} download={f.name} rel="noopener">
              {f.name}
            </a>
          </Cell>
          <Cell label={head[1]} kind="num">
            {t('reportPage.file.bytes', { size: f.size })}
          </Cell>
          <Cell label={head[2]} kind="nowrap">
            {f.type ?? t('reportPage.file.typeUnknown')}
          </Cell>
          <Cell label={head[3]} kind="ref">
            <code>{f.sha256}</code>
          </Cell>
        </tr>
      ))}
    </Table>
  )
}

export function ReportPage({
  ctx,
  org,
  role,
  userId,
  view,
  files,
  problem,
  draft,
  recognition,
  publicVersion,
  cra,
  templates,
}: ReportPageProps) {
  const { t } = ctx
  // In a sentence (the panels' "recorded at …"): the organization's zone, named; on its own: also how far from now.
  const when = (iso: string) => formatTime(iso, view.timeZone, t.locale)
  const moment = (iso: string) => <TeamTime iso={iso} zone={view.timeZone} t={t} now={ctx.now} />
  const { report, reporter } = view
  const names = new Map(view.members.map((m) => [m.userId, m.name]))
  const fileNames = new Map(files.map((f) => [f.id, f.name]))
  const who = (id: string | null) =>
    id === null ? t('author.system') : id === userId ? t('author.you') : (names.get(id) ?? t('author.formerMember'))
  const canWork = role !== 'viewer'
  const base = `/w/${org.slug}/reports/${report.ref}`
  const holder = report.assigneeId
  const responders = view.members.filter((m) => m.role !== 'viewer' && !m.disabled)
  const external = report.fields.external
  const fields = [
    // Registered from another platform: where the reporter is answered.
    ...(external
      ? [
          {
            label: t('reportPage.channel'),
            value: (
              <span data-external-report="">
                {t('external.receivedOn', { platform: external.platform, reference: external.reference })} (
                <a href={external.url} rel="noopener noreferrer nofollow" target="_blank">
                  {external.url}
                </a>
                )
              </span>
            ),
          },
        ]
      : []),
    { label: t('report.field.description'), value: <Markdown html={renderMarkdown(report.fields.description)} /> },
    ...(report.fields.steps ? [{ label: t('report.field.steps'), value: <Markdown html={renderMarkdown(report.fields.steps)} /> }] : []),
    ...(report.fields.impact ? [{ label: t('report.field.impact'), value: <Markdown html={renderMarkdown(report.fields.impact)} /> }] : []),
    ...(report.fields.affectedVersion ? [{ label: t('report.field.affectedVersion'), value: report.fields.affectedVersion }] : []),
    // The program's own questions, as asked when the report came in; the answers are the reporter's text.
    ...(report.fields.programFields ?? []).map((f) => ({ label: f.label, value: f.value === '' ? '—' : f.value })),
  ]
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="reports" title={`${report.ref} · ${report.title}`}>
      <div class="container stack">
        <PageHeader
          title={report.title}
          subtitle={report.ref}
          actions={
            <>
              <StatusBadge status={report.status} label={t(`status.${report.status}` as MessageKey)} />
              {view.policy ? (
                <span class="report-severity" data-report-severity="">
                  {`${t('severity.title')}: `}
                  <SeverityText
                    t={t}
                    label={severityLabel(
                      {
                        qualitative: view.policy.severity ?? undefined,
                        cvss31: view.policy.cvss31 ?? undefined,
                        cvss40: view.policy.cvss40 ?? undefined,
                      },
                      view.policy.scoring,
                    )}
                  />
                </span>
              ) : null}
            </>
          }
        />
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        {!view.readable ? <Alert tone="info">{t('restricted.text')}</Alert> : null}
        {report.statusReason ? <Alert tone="info">{t('reportPage.rejectedBecause', { reason: report.statusReason })}</Alert> : null}
        {view.duplicateOfRef ? (
          <Alert tone="info">
            <a href={`/w/${org.slug}/reports/${view.duplicateOfRef}`}>{t('reportPage.duplicateOfRef', { ref: view.duplicateOfRef })}</a>
          </Alert>
        ) : null}
        <div class="split">
          <div class="stack">
            <Card title={t('reportPage.fields')}>
              <KeyValue items={fields} />
            </Card>
            <Card title={t('reportPage.files')}>
              <div class="stack">
                <p class="text-muted">{t('reportPage.files.hint')}</p>
                <FileList t={t} files={files} />
              </div>
            </Card>
            <section class="stack" aria-labelledby="thread-heading">
              <h2 id="thread-heading">{t('reportPage.thread')}</h2>
              {view.messages.length === 0 ? <p class="text-muted">{t('reportPage.noMessages')}</p> : null}
              {view.messageCount > view.messages.length ? (
                <p class="text-muted">
                  {t('reportPage.threadNewest', { shown: view.messages.length, total: view.messageCount })}{' '}
                  <a href={`${base}?thread=all#thread-heading`}>{t('reportPage.threadAll', { total: view.messageCount })}</a>
                </p>
              ) : null}
              {view.messages.map((m) => (
                <ThreadMessage
                  key={m.id}
                  author={m.authorKind === 'reporter' ? t('author.reporter') : who(m.authorUserId)}
                  authorKind={m.authorKind}
                  visibility={m.visibility}
                  at={m.createdAt}
                  atLabel={moment(m.createdAt)}
                  html={renderMarkdown(m.body)}
                  internalLabel={t('reportPage.internalNote')}
                />
              ))}
              {canWork ? (
                <Card title={t('reportPage.reply')}>
                  {templates ? (
                    <ReplyTemplatePicker
                      t={t}
                      action={base}
                      choice={templates}
                      manageHref={role === 'admin' ? `/w/${org.slug}/reply-templates` : undefined}
                    />
                  ) : null}
                  <form method="post" action={`${base}/messages`} class="stack">
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <TextArea
                      name="body"
                      label={t('reportPage.replyBody')}
                      rows={templates?.chosen ? 16 : 6}
                      value={draft?.body ?? templates?.chosen?.text}
                      required
                      maxLength={50_000}
                    />
                    <RadioGroup
                      name="visibility"
                      legend={t('reportPage.visibility')}
                      value={draft?.visibility ?? 'reporter'}
                      options={[
                        { value: 'reporter', label: t('reportPage.visibility.reporter') },
                        { value: 'internal', label: t('reportPage.visibility.internal') },
                      ]}
                    />
                    {view.policy ? (
                      <DetailedResponseFields
                        t={t}
                        view={view.policy}
                        preset={
                          !draft && templates?.chosen?.detailed ? { expectedResolution: templates.chosen.expectedResolution } : undefined
                        }
                      />
                    ) : null}
                    <Button variant="primary">{t('reportPage.send')}</Button>
                  </form>
                </Card>
              ) : null}
            </section>
          </div>
          <aside class="stack">
            {view.policy ? <ClockPanel ctx={ctx} base={base} view={view.policy} canWork={canWork} timeZone={view.timeZone} /> : null}
            <Card title={t('reportPage.assignee')}>
              <div class="stack">
                <p>
                  {holder === null
                    ? t('reportPage.unassigned')
                    : holder === userId
                      ? t('reportPage.heldByYou')
                      : t('reportPage.heldBy', { name: who(holder) })}
                </p>
                {canWork && holder === null ? (
                  <form method="post" action={`${base}/claim`}>
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <Button variant="primary">{t('reportPage.claim')}</Button>
                  </form>
                ) : null}
                {canWork && holder === userId ? (
                  <form method="post" action={`${base}/release`}>
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <Button variant="secondary">{t('reportPage.release')}</Button>
                  </form>
                ) : null}
                {/* A held report changes hands through its holder or an administrator when the policy says need to know (readable then means exactly that). */}
                {canWork && (holder === null || view.readable) ? (
                  <form method="post" action={`${base}/assign`} class="stack">
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <Select
                      name="assignee"
                      label={t('reportPage.assignTo')}
                      value={holder ?? ''}
                      options={[
                        { value: '', label: t('reportPage.nobody') },
                        ...responders.map((m) => ({ value: m.userId, label: m.name })),
                      ]}
                    />
                    <Button variant="secondary">{t('reportPage.assign')}</Button>
                  </form>
                ) : null}
              </div>
            </Card>
            <Card title={t('reportPage.status')}>
              {canWork && view.nextStatuses.length > 0 ? (
                <form method="post" action={`${base}/status`} class="stack">
                  <HiddenInput name="_csrf" value={ctx.csrfToken} />
                  <Select
                    name="to"
                    label={t('reportPage.moveTo')}
                    options={view.nextStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                  />
                  {view.nextStatuses.includes('rejected') ? (
                    <TextArea name="reason" label={t('reportPage.reason')} hint={t('reportPage.reasonHint')} rows={3} maxLength={2000} />
                  ) : null}
                  {view.nextStatuses.includes('duplicate') ? (
                    <TextInput name="duplicateOf" label={t('reportPage.duplicateOf')} maxLength={40} />
                  ) : null}
                  <div class="cluster">
                    <Button variant="secondary">{t('reportPage.changeStatus')}</Button>
                    {view.nextStatuses.includes('rejected') ? (
                      <Button variant="ghost" name="preview" value="1">
                        {t('reportPage.previewRejection')}
                      </Button>
                    ) : null}
                  </div>
                </form>
              ) : (
                <p class="text-muted">
                  {view.nextStatuses.length === 0 ? t('reportPage.noTransitions') : t(`status.${report.status}` as MessageKey)}
                </p>
              )}
            </Card>
            {view.readable ? (
              <Card title={t('advisories.ofReport')}>
                <div class="stack">
                  {view.advisories.length === 0 ? <p class="text-muted">{t('advisories.noneForReport')}</p> : null}
                  <ul>
                    {view.advisories.map((a) => (
                      <li key={a.id}>
                        <a href={`/w/${org.slug}/advisories/${a.ownId}`}>{a.ownId}</a> · {t(`advisory.state.${a.state}` as MessageKey)}
                      </li>
                    ))}
                  </ul>
                  {canWork ? (
                    <ButtonLink href={`/w/${org.slug}/advisories/new?report=${encodeURIComponent(report.ref)}`}>
                      {t('advisories.new')}
                    </ButtonLink>
                  ) : null}
                </div>
              </Card>
            ) : null}
            <Card title={t('reportPage.reporter')}>
              <KeyValue
                items={[
                  {
                    label: t('reportPage.reporter'),
                    value: view.readable ? (reporter.name ?? t('reportPage.anonymous')) : t('restricted.hidden'),
                  },
                  {
                    label: t('reportPage.reporterEmail'),
                    value: view.readable ? (reporter.email ?? t('reportPage.none')) : t('restricted.hidden'),
                  },
                  { label: t('reportPage.credit'), value: t(`report.credit.${report.creditPreference}` as MessageKey) },
                  { label: t('reportPage.program'), value: view.programName ?? t('reportPage.none') },
                  { label: t('reportPage.channel'), value: t(`channel.${report.channel}` as MessageKey) },
                  { label: t('reportPage.received'), value: moment(report.receivedAt) },
                ]}
              />
            </Card>
            {recognition ? <RecognitionPanel ctx={ctx} base={base} panel={recognition} canWork={canWork} when={when} /> : null}
            {publicVersion ? <PublicVersionPanel ctx={ctx} base={base} panel={publicVersion} canWork={canWork} when={when} /> : null}
            {cra ? <CraPanel ctx={ctx} base={base} panel={cra} canWork={canWork} /> : null}
            <Card title={t('reportPage.timeline')}>
              {view.eventCount > view.events.length ? (
                <p class="text-muted">
                  {t('reportPage.timelineNewest', { shown: view.events.length, total: view.eventCount })}{' '}
                  <a href={`${base}?timeline=all`}>{t('reportPage.timelineAll')}</a>
                </p>
              ) : null}
              <Timeline
                items={view.events.map((e) => ({
                  at: e.at,
                  atLabel: moment(e.at),
                  actor: e.actor_kind === 'reporter' ? t('author.reporter') : who(e.actor_id),
                  text: eventText(t, e, {
                    file: (id) => fileNames.get(id),
                    member: (id) => names.get(id) ?? t('author.formerMember'),
                    time: when,
                  }),
                }))}
              />
            </Card>
          </aside>
        </div>
      </div>
    </WorkspaceLayout>
  )
}
