import { publicVersionLimits } from '../../domain/report-publication/report-publication.js'
import { Alert, Button, Card, HiddenInput, Markdown, TextArea, TextInput } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { PublicVersionPanelView } from '../load-public-version.js'

/**
 * The public version on the team's report page: where it stands (draft, shown to the reporter
 * until …, objected with the reporter's reason, published), a preview of the public text, and the
 * forms to write it, approve it and take it back. The form starts empty: nothing of the report is
 * copied into it. All text (the team's and the reporter's objection) goes through the one Markdown
 * component.
 */
export function PublicVersionPanel({
  ctx,
  base,
  panel,
  canWork,
  when,
}: {
  ctx: PageContext
  base: string
  panel: PublicVersionPanelView
  canWork: boolean
  when: (iso: string) => string
}) {
  const { t } = ctx
  if (!panel.readable) {
    return (
      <Card title={t('publicVersion.title')}>
        <p class="text-muted">{t('restricted.hidden')}</p>
      </Card>
    )
  }
  const v = panel.version
  const action = `${base}/public-version`
  return (
    <Card title={t('publicVersion.title')}>
      <div class="stack" id="public-version" data-public-version={v?.state ?? 'none'}>
        {panel.prompt ? <Alert tone="info">{t('publicVersion.prompt')}</Alert> : null}
        {!panel.outcome && !v ? <p class="text-muted">{t('publicVersion.notDecided')}</p> : null}
        {v ? (
          <>
            <p>
              <strong>{t(`publicVersion.state.${v.state}` as MessageKey)}</strong>
              {' · '}
              {t(`publicVersion.outcome.${v.outcome}` as MessageKey)}
            </p>
            {v.state === 'shown' && v.objectionEndsAt ? (
              <p class="text-muted">{t('publicVersion.shownUntil', { at: when(v.objectionEndsAt) })}</p>
            ) : null}
            {v.state === 'shown' && v.waiting === 'outcome-changed' ? (
              <Alert tone="warning">{t('publicVersion.outcomeChanged')}</Alert>
            ) : null}
            {v.state === 'shown' && v.waiting === 'fix' ? (
              <p class="text-muted">{t('publicVersion.waitingForFix', { ids: v.awaiting.join(', ') })}</p>
            ) : null}
            {v.afterAdvisory && v.state !== 'published' ? (
              <p class="text-muted">{t('publicVersion.afterAdvisory', { id: v.afterAdvisory })}</p>
            ) : null}
            {v.state === 'objected' && v.objection !== null ? (
              <div class="stack" data-objection="">
                <p>{t('publicVersion.objectedLead')}</p>
                <Markdown html={renderMarkdown(v.objection)} />
              </div>
            ) : null}
            {v.state === 'published' && v.publishedAt ? (
              <p>
                {t('publicVersion.publishedAt', { at: when(v.publishedAt) })} <a href={panel.publicHref}>{t('publicVersion.publicPage')}</a>
              </p>
            ) : null}
            <section class="stack" aria-label={t('publicVersion.preview')}>
              <h3>{t('publicVersion.preview')}</h3>
              <p>
                <strong>{v.title}</strong>
              </p>
              <Markdown html={renderMarkdown(v.body)} />
              <p class="text-muted">{t('publicVersion.reasonLabel')}</p>
              <Markdown html={renderMarkdown(v.reason)} />
            </section>
          </>
        ) : null}
        {canWork && v?.state === 'draft' ? <ApproveForm ctx={ctx} action={`${action}/approve`} panel={panel} /> : null}
        {canWork && v && (v.state === 'draft' || v.state === 'shown' || v.state === 'objected') ? (
          <form method="post" action={`${action}/withdraw`}>
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button variant="ghost">{t('publicVersion.withdraw')}</Button>
          </form>
        ) : null}
        {canWork && panel.outcome && v?.state !== 'published' ? (
          <details open={panel.prompt || v?.state === 'objected' || v?.state === 'withdrawn'}>
            <summary>{v ? t('publicVersion.rewrite') : t('publicVersion.prepare')}</summary>
            <form method="post" action={action} class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <p class="text-muted">{t('publicVersion.fromScratch')}</p>
              <TextInput
                name="publicTitle"
                label={t('publicVersion.field.title')}
                value={v?.title ?? ''}
                maxLength={publicVersionLimits.title}
                required
                t={t}
              />
              <TextArea
                name="publicBody"
                label={t('publicVersion.field.body')}
                value={v?.body ?? ''}
                rows={8}
                maxLength={publicVersionLimits.body}
                required
                t={t}
              />
              <TextArea
                name="publicReason"
                label={t('publicVersion.field.reason')}
                value={v?.reason ?? ''}
                rows={3}
                maxLength={publicVersionLimits.reason}
                hint={t('publicVersion.field.reasonHint')}
                required
                t={t}
              />
              <TextInput
                name="afterAdvisory"
                label={t('publicVersion.field.afterAdvisory')}
                value={v?.afterAdvisory ?? ''}
                hint={t('publicVersion.field.afterAdvisoryHint')}
                maxLength={100}
              />
              <Button variant="primary">{t('publicVersion.save')}</Button>
            </form>
          </details>
        ) : null}
      </div>
    </Card>
  )
}

/** Approval: a second member when review is required; otherwise the preparer too, confirming the preview. */
function ApproveForm({ ctx, action, panel }: { ctx: PageContext; action: string; panel: PublicVersionPanelView }) {
  const { t } = ctx
  const mine = panel.version?.preparedByViewer === true
  if (mine && panel.reviewRequired) return <p class="text-muted">{t('publicVersion.awaitingReview')}</p>
  return (
    <form method="post" action={action} class="stack">
      <HiddenInput name="_csrf" value={ctx.csrfToken} />
      <p class="text-muted">{t('publicVersion.approveHint', { period: panel.objection })}</p>
      {mine ? (
        <label class="check">
          <input type="checkbox" name="confirm" value="on" required /> {t('publicVersion.confirmPreview')}
        </label>
      ) : null}
      <Button variant="primary">{t('publicVersion.approve')}</Button>
    </form>
  )
}
