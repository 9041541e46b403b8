/**
 * The text of an advisory draft as the people who may read it see it — the team on the advisory
 * page, a partner behind its early-notice link: summary, description and workarounds (the team's
 * Markdown, through the one Markdown component) and the affected products with their versions.
 */
import type { AffectedProduct } from '../../domain/advisory/advisory.js'
import type { AdvisoryContent } from '../../domain/advisory/content.js'
import { Card, Cell, Markdown, Table } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'

const rangeText = (r: AffectedProduct['ranges'][number]) =>
  [`≥ ${r.introduced}`, r.fixed ? `< ${r.fixed}` : null, r.lastAffected ? `≤ ${r.lastAffected}` : null].filter(Boolean).join(', ')

function Affected({ t, affected }: { t: Translator; affected: AffectedProduct[] }) {
  if (affected.length === 0) return <p class="text-muted">{t('advisory.none')}</p>
  const head = [t('advisory.affected.product'), t('advisory.affected.versions'), t('advisory.affected.status')]
  return (
    <Table head={head} stack>
      {affected.map((p, i) => (
        <tr key={i}>
          <Cell label={head[0]} kind="title">
            {p.kind === 'package' ? `${p.ecosystem} · ${p.name}` : `${p.vendor} · ${p.product}`}
            {p.kind === 'package' && p.purl ? (
              <>
                <br />
                <code>{p.purl}</code>
              </>
            ) : null}
          </Cell>
          <Cell label={head[1]}>{p.ranges.map(rangeText).join('; ')}</Cell>
          <Cell label={head[2]} kind="nowrap">
            {t(`advisory.affected.${p.status}` as MessageKey)}
          </Cell>
        </tr>
      ))}
    </Table>
  )
}

export function AdvisoryText({ t, content: c }: { t: Translator; content: AdvisoryContent }) {
  return (
    <>
      <Card title={t('advisory.summary')}>
        <Markdown html={renderMarkdown(c.summary)} />
      </Card>
      <Card title={t('advisory.description')}>
        <Markdown html={renderMarkdown(c.description)} />
      </Card>
      <Card title={t('advisory.workarounds')}>
        <Markdown html={renderMarkdown(c.workarounds)} />
      </Card>
      <Card title={t('advisory.affected')}>
        <Affected t={t} affected={c.affected} />
      </Card>
    </>
  )
}
