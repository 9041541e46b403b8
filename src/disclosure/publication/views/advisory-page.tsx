import type { AffectedProduct, PublishedAdvisory, Publisher, VersionRange } from '../../../domain/advisory/advisory.js'
import { cweName } from '../../../domain/advisory/exports/cwe-names.js'
import { csafDocumentUrl } from '../../../domain/advisory/exports/urls.js'
import { Alert, Card, Cell, KeyValue, Layout, Markdown, PageHeader, Table } from '../../../http/views/components/index.js'
import { renderMarkdown } from '../../../http/views/markdown.js'
import type { PageContext } from '../../../http/views/page-context.js'
import type { Translator } from '../../../i18n/messages.js'
import { severityLines } from './severity-text.js'

const day = (iso: string) => iso.slice(0, 10)

/** Only web addresses become links; anything else is shown as text. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url)

function rangeText(t: Translator, r: VersionRange): string {
  const from = r.introduced === '0' ? '' : `>= ${r.introduced}`
  const to = r.fixed ? `< ${r.fixed}` : r.lastAffected ? `<= ${r.lastAffected}` : ''
  return [from, to].filter(Boolean).join(', ') || t('publication.advisory.allVersions')
}

function productName(p: AffectedProduct): string {
  return p.kind === 'package' ? `${p.name} (${p.ecosystem})` : `${p.vendor} ${p.product}`
}

/** One published (or withdrawn) advisory for the public: no script, every text through the one Markdown component. */
export function AdvisoryPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  publisher: Publisher
  advisory: PublishedAdvisory
}) {
  const { ctx, org, publisher, advisory: a } = props
  const { t } = ctx
  const base = `/o/${encodeURIComponent(org.slug)}/advisories`
  const self = `${base}/${encodeURIComponent(a.identifiers.own)}`
  const ids = [a.identifiers.own, a.identifiers.cve, a.identifiers.gcve].filter((x): x is string => !!x)
  const severity = severityLines(t, a.severity)
  const updated = a.withdrawnAt ?? a.updatedAt
  const facts = [
    { label: t('publication.advisory.identifiers'), value: ids.join(', ') },
    { label: t('publication.advisory.published'), value: <time dateTime={a.publishedAt}>{day(a.publishedAt)}</time> },
    ...(updated > a.publishedAt
      ? [{ label: t('publication.advisory.updated'), value: <time dateTime={updated}>{day(updated)}</time> }]
      : []),
    {
      label: t('publication.advisory.severity'),
      value: severity.length ? (
        <ul class="plain-list">
          {severity.map((s) => (
            <li key={s.text}>
              {s.text}
              {s.vector ? (
                <>
                  {' '}
                  <code>{s.vector}</code>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        t('publication.severity.none')
      ),
    },
    ...(a.cwes.length
      ? [
          {
            label: t('publication.advisory.weaknesses'),
            value: (
              <ul class="plain-list">
                {a.cwes.map((id) => (
                  <li key={id}>{cweName(id) ? `${id}: ${cweName(id)}` : id}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
  ]
  return (
    <Layout
      title={`${a.identifiers.own}: ${a.title}`}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      org={org}
    >
      <div class="container stack">
        <p>
          <a href={base}>{t('publication.advisory.back', { org: org.name })}</a>
        </p>
        <PageHeader
          title={a.title}
          subtitle={a.state === 'withdrawn' ? t('publication.state.withdrawn') : t('publication.state.published')}
        />
        {a.state === 'withdrawn' ? (
          <Alert tone="warning">
            {t('publication.advisory.withdrawnNotice', { date: day(a.withdrawnAt ?? a.updatedAt) })}
            {a.withdrawnReason ? ` ${t('publication.advisory.withdrawnReason', { reason: a.withdrawnReason })}` : ''}
          </Alert>
        ) : null}
        <KeyValue items={facts} />
        {a.summary.trim() ? (
          <Card title={t('publication.advisory.summary')}>
            <Markdown html={renderMarkdown(a.summary)} />
          </Card>
        ) : null}
        {a.description.trim() ? (
          <Card title={t('publication.advisory.description')}>
            <Markdown html={renderMarkdown(a.description)} />
          </Card>
        ) : null}
        {a.affected.length ? (
          <Table
            caption={t('publication.advisory.affected')}
            head={[
              t('publication.advisory.product'),
              t('publication.advisory.versions'),
              t('publication.advisory.fixedIn'),
              t('publication.advisory.status'),
            ]}
            stack
          >
            {a.affected.map((p) => (
              <tr key={`${productName(p)}|${p.status}|${p.ranges.map((r) => rangeText(t, r)).join(';')}`}>
                <Cell label={t('publication.advisory.product')}>{productName(p)}</Cell>
                <Cell label={t('publication.advisory.versions')}>
                  {p.ranges.map((r) => rangeText(t, r)).join('; ') || t('publication.advisory.allVersions')}
                </Cell>
                <Cell label={t('publication.advisory.fixedIn')}>{p.ranges.flatMap((r) => (r.fixed ? [r.fixed] : [])).join(', ')}</Cell>
                <Cell label={t('publication.advisory.status')}>
                  {p.status === 'affected' ? t('publication.advisory.statusAffected') : t('publication.advisory.statusNotAffected')}
                </Cell>
              </tr>
            ))}
          </Table>
        ) : null}
        {a.workarounds.trim() ? (
          <Card title={t('publication.advisory.workarounds')}>
            <Markdown html={renderMarkdown(a.workarounds)} />
          </Card>
        ) : null}
        {a.references.length ? (
          <Card title={t('publication.advisory.references')}>
            <ul>
              {a.references.map((r) => (
                <li key={r.url}>
                  {`${t(`publication.reference.${r.kind}`)}: `}
                  {isWebUrl(r.url) ? (
                    <a href={r.url} rel="nofollow noopener noreferrer">
                      {r.url}
                    </a>
                  ) : (
                    r.url
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {a.credits.length ? (
          <Card title={t('publication.advisory.credits')}>
            <ul>
              {a.credits.map((c) => (
                <li key={`${c.role}|${c.name}`}>{`${c.name} (${t(`publication.credit.${c.role}`)})`}</li>
              ))}
            </ul>
          </Card>
        ) : null}
        <p class="text-muted">
          {t('publication.advisory.formats')} <a href={`${self}.osv.json`}>OSV</a> · <a href={`${self}.cve.json`}>CVE JSON 5</a> ·{' '}
          <a href={new URL(csafDocumentUrl(publisher, a)).pathname}>CSAF</a>
        </p>
      </div>
    </Layout>
  )
}
