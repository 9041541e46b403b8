import { Layout, Markdown } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { StageView } from '../load-stage.js'

/** A stage ready to print or save as PDF: what the Act asks beside each answer, as text; no navigation, no forms. */
export function CraPrintPage({ ctx, view }: { ctx: PageContext; view: StageView }) {
  const { t } = ctx
  const { exported: e, ctx: c, kind, stage } = view
  // Printed, so no "in 3 days" that goes stale on paper: the moment in the organization's zone, named.
  const when = (iso: string) => formatTime(iso, c.timeZone, t.locale)
  const title = `${t(`cra.stage.${stage}` as MessageKey)} · ${e.reference}`
  return (
    <Layout title={title} t={t}>
      <article class="container stack" data-cra-print={stage}>
        <h1>{title}</h1>
        <p>
          {t('cra.print.article', { article: e.article })} · {t(`cra.kind.${kind}` as MessageKey)}
        </p>
        <dl>
          <dt>{t('cra.print.manufacturer')}</dt>
          <dd>{e.manufacturer.name}</dd>
          {e.manufacturer.mainEstablishment ? (
            <>
              <dt>{t('cra.case.memberState')}</dt>
              <dd>{e.manufacturer.mainEstablishment}</dd>
            </>
          ) : null}
          {e.coordinatingCsirt ? (
            <>
              <dt>{t('cra.case.csirt')}</dt>
              <dd>{e.coordinatingCsirt}</dd>
            </>
          ) : null}
          <dt>{t('cra.case.aware')}</dt>
          <dd>{when(e.awareAt)}</dd>
          {e.measureAvailableAt ? (
            <>
              <dt>{t('cra.case.measure')}</dt>
              <dd>{when(e.measureAvailableAt)}</dd>
            </>
          ) : null}
          {e.dueAt ? (
            <>
              <dt>{t('cra.case.deadline')}</dt>
              <dd>{when(e.dueAt)}</dd>
            </>
          ) : null}
          {e.filed ? (
            <>
              <dt>{t('cra.state.filed')}</dt>
              <dd>{t('cra.filedAt', { at: when(e.filed.at), reference: e.filed.reference })}</dd>
            </>
          ) : null}
        </dl>
        {e.fields.map((f) => (
          <section key={f.key} data-cra-field={f.key}>
            <h2>{t(`cra.field.${f.key}` as MessageKey)}</h2>
            <p class="text-muted">{f.asks}</p>
            {f.answer === '' ? <p>—</p> : <Markdown html={renderMarkdown(f.answer)} />}
          </section>
        ))}
        <p>
          <strong>{t('cra.notSubmitted')}</strong>
        </p>
        <p class="text-muted">{t('cra.print.generated', { at: when(e.generatedAt) })}</p>
      </article>
    </Layout>
  )
}
