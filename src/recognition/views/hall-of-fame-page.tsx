import type { Credit } from '../../domain/advisory/advisory.js'
import { Card, Layout, PageHeader } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { roleLabel } from './recognition-panel.js'

/** The public hall of fame: consented credits by year. Names are attacker-chosen text, rendered as text only. */
export function HallOfFamePage({
  ctx,
  org,
  years,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  years: Array<{ year: number; credits: Credit[] }>
}) {
  const { t } = ctx
  const title = t('hallOfFame.title', { org: org.name })
  return (
    <Layout title={title} t={t} user={ctx.user} csrfToken={ctx.csrfToken} flash={ctx.flash} languages={ctx.languages} org={org}>
      <div class="container stack">
        <PageHeader title={title} subtitle={t('hallOfFame.lead', { org: org.name })} />
        {years.length === 0 ? <p class="text-muted">{t('hallOfFame.empty')}</p> : null}
        {years.map((y) => (
          <Card key={y.year} title={String(y.year)}>
            <ul class="link-list">
              {y.credits.map((c) => (
                <li key={`${c.name}|${c.role}`}>
                  <strong>{c.name}</strong> <span class="text-muted">{roleLabel(t, c.role)}</span>
                </li>
              ))}
            </ul>
          </Card>
        ))}
        <p>
          <a href={`/o/${org.slug}`}>{t('hallOfFame.back', { org: org.name })}</a>
        </p>
      </div>
    </Layout>
  )
}
