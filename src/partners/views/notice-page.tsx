import { AdvisoryText } from '../../disclosure/index.js'
import { Alert, Button, HiddenInput, Layout, PageHeader } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTimeWithUtc } from '../../i18n/format-time.js'
import type { OpenedNotice } from '../use-cases/open-notice.js'

/**
 * What a partner sees behind its capability link: the advisory draft under embargo, until when it
 * is confidential, and the button that acknowledges receipt. The draft's text is the team's and is
 * rendered only through the one Markdown component.
 */
export function NoticePage({
  ctx,
  token,
  opened,
  acknowledged,
}: {
  ctx: PageContext
  token: string
  opened: OpenedNotice
  acknowledged?: boolean
}) {
  const { t } = ctx
  const a = opened.advisory
  const c = a.content
  const release = a.releaseAt ? formatTimeWithUtc(t, a.releaseAt, opened.zone) : t('partners.release.none')
  return (
    <Layout
      title={`${a.ownId} · ${t('partners.page.title')}`}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
    >
      <div class="container stack">
        <PageHeader title={c.title} subtitle={`${a.ownId} · ${t('partners.page.from', { org: opened.orgName })}`} />
        {acknowledged ? <Alert tone="success">{t('partners.page.thanks')}</Alert> : null}
        <Alert tone="info">{t('partners.page.embargo', { partner: opened.partnerName, release })}</Alert>
        {opened.notice.state === 'acknowledged' ? (
          <p>{t('partners.page.acknowledgedAt', { at: formatTimeWithUtc(t, opened.notice.acknowledgedAt ?? '', opened.zone) })}</p>
        ) : (
          <form method="post" action={`/partner-notice/${token}`}>
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button variant="primary">{t('partners.page.acknowledge')}</Button>
          </form>
        )}
        <AdvisoryText t={t} content={c} />
      </div>
    </Layout>
  )
}
