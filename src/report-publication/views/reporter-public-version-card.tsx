import { publicVersionLimits } from '../../domain/report-publication/report-publication.js'
import { Button, Card, HiddenInput, Markdown, TextArea } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { ReporterPublicVersionView } from '../load-public-version.js'

/**
 * The proposed public version on the reporter's follow-up page: the text the team means to
 * publish, the outcome and reason it will show, until when they may object, and the "Object" form.
 */
export function ReporterPublicVersionCard({
  ctx,
  view,
  when,
}: {
  ctx: PageContext
  view: ReporterPublicVersionView
  when: (iso: string) => string
}) {
  const { t } = ctx
  return (
    <Card title={t('publicVersion.reporter.title')}>
      <div class="stack" id="public-version" data-public-version={view.state}>
        {view.state === 'shown' && view.objectionEndsAt ? (
          <p>{t('publicVersion.reporter.lead', { at: when(view.objectionEndsAt) })}</p>
        ) : null}
        {view.state === 'objected' ? <p>{t('publicVersion.reporter.objected')}</p> : null}
        {view.state === 'published' ? (
          <p>
            {t('publicVersion.reporter.published')} <a href={view.publicHref}>{t('publicVersion.publicPage')}</a>
          </p>
        ) : null}
        <section class="stack" aria-label={t('publicVersion.preview')}>
          <p>
            <strong>{view.title}</strong>
          </p>
          <Markdown html={renderMarkdown(view.body)} />
          <p class="text-muted">
            {t('publicVersion.outcomeLabel')} {t(`publicVersion.outcome.${view.outcome}` as MessageKey)}
          </p>
          <Markdown html={renderMarkdown(view.reason)} />
        </section>
        {view.mayObject ? (
          <form method="post" action="/follow-up/public-version/object" class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextArea
              name="objection"
              label={t('publicVersion.reporter.reason')}
              rows={4}
              maxLength={publicVersionLimits.objection}
              required
              t={t}
            />
            <Button variant="primary">{t('publicVersion.reporter.object')}</Button>
          </form>
        ) : null}
      </div>
    </Card>
  )
}
