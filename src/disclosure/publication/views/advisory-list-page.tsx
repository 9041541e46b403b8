import type { PublishedAdvisory } from '../../../domain/advisory/advisory.js'
import { Cell, EmptyState, Layout, PageHeader, Table } from '../../../http/views/components/index.js'
import type { PageContext } from '../../../http/views/page-context.js'
import { severityWord } from './severity-text.js'

const day = (iso: string) => iso.slice(0, 10)

/** The organization's published advisories, newest first; withdrawn ones stay listed, marked so. */
export function AdvisoryListPage(props: { ctx: PageContext; org: { slug: string; name: string }; advisories: PublishedAdvisory[] }) {
  const { ctx, org, advisories } = props
  const { t } = ctx
  const title = t('publication.list.title', { org: org.name })
  const base = `/o/${encodeURIComponent(org.slug)}`
  return (
    <Layout title={title} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages} org={org}>
      <div class="container stack">
        <PageHeader title={title} />
        <p class="text-muted">
          {t('publication.list.feeds')} <a href={`${base}/advisories.atom`}>{t('publication.list.atom')}</a> ·{' '}
          <a href={`${base}/.well-known/csaf/provider-metadata.json`}>{t('publication.list.csaf')}</a>
        </p>
        {advisories.length === 0 ? (
          <EmptyState title={t('publication.list.none', { org: org.name })} />
        ) : (
          <Table
            caption={t('publication.list.caption')}
            head={[
              t('publication.list.id'),
              t('publication.list.advisoryTitle'),
              t('publication.list.severity'),
              t('publication.list.published'),
            ]}
            stack
          >
            {advisories.map((a) => (
              <tr key={a.identifiers.own}>
                <Cell label={t('publication.list.id')}>
                  <a href={`${base}/advisories/${encodeURIComponent(a.identifiers.own)}`}>{a.identifiers.own}</a>
                  {a.identifiers.cve ? <div class="text-muted">{a.identifiers.cve}</div> : null}
                </Cell>
                <Cell label={t('publication.list.advisoryTitle')}>
                  {a.state === 'withdrawn' ? <strong>{`${t('publication.state.withdrawn')}: `}</strong> : null}
                  {a.title}
                </Cell>
                <Cell label={t('publication.list.severity')}>{severityWord(t, a.severity)}</Cell>
                <Cell label={t('publication.list.published')}>
                  <time dateTime={a.publishedAt}>{day(a.publishedAt)}</time>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Layout>
  )
}
