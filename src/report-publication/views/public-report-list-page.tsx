import type { PublishedReport } from '../../domain/report-publication/report-publication.js'
import { Cell, EmptyState, Layout, PageHeader, Table } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'

const day = (iso: string) => iso.slice(0, 10)

/** The organization's published reports, newest first, in the look of the advisory list. */
export function PublicReportListPage(props: { ctx: PageContext; org: { slug: string; name: string }; reports: PublishedReport[] }) {
  const { ctx, org, reports } = props
  const { t } = ctx
  const title = t('publicReports.list.title', { org: org.name })
  const base = `/o/${encodeURIComponent(org.slug)}/reports`
  return (
    <Layout title={title} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages} org={org}>
      <div class="container stack">
        <PageHeader title={title} />
        <p class="text-muted">{t('publicReports.list.lead')}</p>
        {reports.length === 0 ? (
          <EmptyState title={t('publicReports.list.none', { org: org.name })} />
        ) : (
          <Table
            caption={t('publicReports.list.caption')}
            head={[t('publicReports.ref'), t('publicReports.reportTitle'), t('publicReports.outcome'), t('publicReports.published')]}
            stack
          >
            {reports.map((r) => (
              <tr key={r.ref}>
                <Cell label={t('publicReports.ref')}>
                  <a href={`${base}/${encodeURIComponent(r.ref)}`}>{r.ref}</a>
                </Cell>
                <Cell label={t('publicReports.reportTitle')}>{r.title}</Cell>
                <Cell label={t('publicReports.outcome')}>{t(`publicVersion.outcome.${r.outcome}` as MessageKey)}</Cell>
                <Cell label={t('publicReports.published')}>
                  <time dateTime={r.publishedAt}>{day(r.publishedAt)}</time>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Layout>
  )
}
