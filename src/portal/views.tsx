import { sizeText } from '../http/uploaded-files.js'
import {
  Alert,
  Button,
  Card,
  Field,
  HiddenInput,
  KeyValue,
  Layout,
  Markdown,
  PageHeader,
  ReporterTime,
  StatusBadge,
  TextArea,
  ThreadMessage,
} from '../http/views/components/index.js'
import { renderMarkdown } from '../http/views/markdown.js'
import type { PageContext } from '../http/views/page-context.js'
import { formatTimeWithUtc } from '../i18n/format-time.js'
import type { MessageKey } from '../i18n/messages.js'
import { ReporterCreditCard, type ReporterCreditView } from '../recognition/index.js'
import { ReporterPublicVersionCard, type ReporterPublicVersionView } from '../report-publication/index.js'
import type { FollowUpView } from './follow-up.js'

export function FollowUpPage({
  ctx,
  view,
  error,
  credit,
  publicVersion,
  draft,
  attachmentLimits,
  fileError,
}: {
  ctx: PageContext
  view: FollowUpView
  error?: string
  /** The reply as typed, when the page comes back with a problem. */
  draft?: string | undefined
  /** The instance's limits on files, said next to the file input (none: the page shows no file input). */
  attachmentLimits?: { fileBytes: number; reportBytes: number; files: number } | undefined
  /** Why the files of the last reply were refused, naming the file and the limit. */
  fileError?: string | undefined
  /** The credit line the team proposes, when it proposed one (src/recognition). */
  credit?: ReporterCreditView | undefined
  /** The public version the team proposes, once approved (src/report-publication). */
  publicVersion?: ReporterPublicVersionView | undefined
}) {
  const { t } = ctx
  return (
    <Layout
      title={t('portal.title', { ref: view.ref })}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      org={view.org}
      flash={ctx.flash}
      languages={ctx.languages}
    >
      <div class="container stack">
        <PageHeader
          title={view.title}
          subtitle={t('portal.title', { ref: view.ref })}
          actions={<StatusBadge status={view.status} label={t(`status.${view.status}` as MessageKey)} />}
        />
        {view.rejectionReason !== null ? (
          <Card title={t('portal.rejected.title')}>
            <div class="stack" data-rejection-reason="">
              <p>{t('portal.rejected.lead', { org: view.org.name })}</p>
              <Markdown html={renderMarkdown(view.rejectionReason)} />
            </div>
          </Card>
        ) : null}
        <Card title={t('portal.yourReport')}>
          <KeyValue
            items={[
              { label: t('portal.status'), value: t(`status.${view.status}` as MessageKey) },
              { label: t('portal.received'), value: <ReporterTime iso={view.receivedAt} zone={view.timeZone} t={t} /> },
              { label: t('report.field.description'), value: <Markdown html={renderMarkdown(view.fields.description)} /> },
              ...(view.fields.steps
                ? [{ label: t('report.field.steps'), value: <Markdown html={renderMarkdown(view.fields.steps)} /> }]
                : []),
              ...(view.fields.impact
                ? [{ label: t('report.field.impact'), value: <Markdown html={renderMarkdown(view.fields.impact)} /> }]
                : []),
              ...(view.fields.affectedVersion ? [{ label: t('report.field.affectedVersion'), value: view.fields.affectedVersion }] : []),
              ...(view.fields.programFields ?? []).map((f) => ({ label: f.label, value: f.value === '' ? '—' : f.value })),
            ]}
          />
        </Card>
        {credit ? <ReporterCreditCard ctx={ctx} credit={credit} /> : null}
        {publicVersion ? (
          <ReporterPublicVersionCard ctx={ctx} view={publicVersion} when={(iso) => formatTimeWithUtc(t, iso, view.timeZone)} />
        ) : null}
        {view.steps.length > 0 ? (
          <Card title={t('portal.steps')}>
            <ol class="process-steps">
              {view.steps.map((s) => (
                <li key={s.id} data-step={s.id} data-state={s.state}>
                  {s.title} — {t(`clock.step.${s.state}` as MessageKey)}
                  {s.description ? <p class="text-muted">{s.description}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        ) : null}
        <section class="stack" aria-labelledby="thread-heading">
          <h2 id="thread-heading">{t('portal.thread')}</h2>
          {view.thread.length === 0 ? <p class="text-muted">{t('portal.noMessages')}</p> : null}
          {view.thread.map((m) => (
            <ThreadMessage
              key={m.id}
              author={m.from === 'reporter' ? t('author.you') : view.org.name}
              authorKind={m.from === 'reporter' ? 'reporter' : 'responder'}
              visibility="reporter"
              at={m.at}
              atLabel={<ReporterTime iso={m.at} zone={view.timeZone} t={t} />}
              html={renderMarkdown(m.body)}
              internalLabel=""
            />
          ))}
        </section>
        <Card title={t('portal.reply')}>
          <form method="post" action="/follow-up/reply" class="stack" enctype={attachmentLimits ? 'multipart/form-data' : undefined}>
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            {fileError ? <Alert tone="danger">{fileError}</Alert> : null}
            <TextArea
              name="body"
              label={t('portal.message')}
              hint={t('portal.replyHint', { org: view.org.name })}
              rows={5}
              required
              error={error}
              value={draft}
              maxLength={50_000}
            />
            {attachmentLimits ? (
              <Field
                name="files"
                label={t('portal.files')}
                hint={t('report.files.hint', {
                  count: String(attachmentLimits.files),
                  fileSize: sizeText(t, attachmentLimits.fileBytes),
                  reportSize: sizeText(t, attachmentLimits.reportBytes),
                })}
              >
                <input class="input" type="file" name="files" multiple />
              </Field>
            ) : null}
            <Button variant="primary">{t('portal.send')}</Button>
          </form>
        </Card>
        {view.mayEscalate ? (
          <p>
            <a href="/follow-up/escalate">{t('escalate.link')}</a>
          </p>
        ) : null}
        <form method="post" action="/follow-up/forget" class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <p class="text-muted">{t('portal.forgetHint')}</p>
          <Button variant="ghost">{t('portal.forget')}</Button>
        </form>
      </div>
    </Layout>
  )
}

/** Another report's link was opened while this browser has a report open: ask before switching. */
export function SwitchReportPage({ ctx, current, next }: { ctx: PageContext; current: string; next: string }) {
  const { t } = ctx
  return (
    <Layout title={t('portal.switch.title')} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container stack">
        <PageHeader title={t('portal.switch.title')} />
        <Alert tone="warning">{t('portal.switch.lead', { current, next })}</Alert>
        <p>{t('portal.switch.warning', { current, next })}</p>
        <div class="cluster">
          <form method="post" action="/follow-up/switch/cancel">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button variant="primary">{t('portal.switch.keep', { current })}</Button>
          </form>
          <form method="post" action="/follow-up/switch">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button variant="secondary">{t('portal.switch.confirm', { next })}</Button>
          </form>
        </div>
      </div>
    </Layout>
  )
}

/** A revoked or expired link: say which, and offer a new link by mail when the reporter gave an address. */
export function LinkGonePage({ ctx, state, reachable }: { ctx: PageContext; state: 'revoked' | 'expired'; reachable: boolean }) {
  const { t } = ctx
  const title = state === 'revoked' ? t('portal.revoked.title') : t('portal.expired.title')
  return (
    <Layout title={title} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container stack">
        <PageHeader title={title} />
        <p>{state === 'revoked' ? t('portal.revoked.body') : t('portal.expired.body')}</p>
        {reachable ? (
          // Posts to this very address (/f/<token>): the token stays in the path, which logs cut out, and in no form field.
          <form method="post" class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <p>{t('portal.newLink.offer')}</p>
            <Button variant="primary">{t('portal.newLink.button')}</Button>
          </form>
        ) : (
          <p class="text-muted">{t('portal.newLink.none')}</p>
        )}
      </div>
    </Layout>
  )
}

export function LinkSentPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <Layout
      title={t('portal.newLink.sent.title')}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
    >
      <div class="container stack">
        <PageHeader title={t('portal.newLink.sent.title')} />
        <p>{t('portal.newLink.sent.body')}</p>
      </div>
    </Layout>
  )
}

export function ForgottenPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <Layout title={t('portal.forgotten.title')} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages}>
      <div class="container stack">
        <PageHeader title={t('portal.forgotten.title')} />
        <p>{t('portal.forgotten.body')}</p>
      </div>
    </Layout>
  )
}
