import type { PublishedReport } from '../../domain/report-publication/report-publication.js'
import { Card, KeyValue, Layout, Markdown, PageHeader } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'

const day = (iso: string) => iso.slice(0, 10)

/** One published report for the public, in the look of an advisory page: no script, every text through the one Markdown component. */
export function PublicReportPage(props: { ctx: PageContext; org: { slug: string; name: string }; report: PublishedReport }) {
  const { ctx, org, report: r } = props
  const { t } = ctx
  return (
    <Layout
      title={`${r.ref}: ${r.title}`}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      org={org}
    >
      <div class="container stack">
        <PageHeader title={r.title} subtitle={t('publicReports.subtitle', { ref: r.ref, org: org.name })} />
        <KeyValue
          items={[
            { label: t('publicReports.ref'), value: r.ref },
            {
              label: t('publicReports.outcome'),
              value: <span data-outcome={r.outcome}>{t(`publicVersion.outcome.${r.outcome}` as MessageKey)}</span>,
            },
            { label: t('publicReports.published'), value: <time dateTime={r.publishedAt}>{day(r.publishedAt)}</time> },
          ]}
        />
        <Card title={t('publicReports.report')}>
          <Markdown html={renderMarkdown(r.body)} />
        </Card>
        <Card title={t('publicReports.reason')}>
          <div data-reason="">
            <Markdown html={renderMarkdown(r.reason)} />
          </div>
        </Card>
        <p>
          <a href={`/o/${encodeURIComponent(org.slug)}/reports`}>{t('publicReports.all', { org: org.name })}</a>
        </p>
      </div>
    </Layout>
  )
}
