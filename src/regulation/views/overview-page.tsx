import { Alert, Cell, PageHeader, Table, TeamTime, WorkspaceLayout } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import type { CraOverviewRow } from '../load-overview.js'

/** Every CRA case of the organization: its clocks, the stages filed, the overdue ones. */
export function CraOverviewPage({
  ctx,
  org,
  role,
  rows,
  timeZone,
  manufacturer,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  rows: CraOverviewRow[]
  timeZone: string
  manufacturer: boolean
}) {
  const { t } = ctx
  const when = (iso: string) => formatTime(iso, timeZone, t.locale)
  const head = [
    t('cra.overview.report'),
    t('cra.overview.kind'),
    t('cra.overview.aware'),
    t('cra.stage.early-warning'),
    t('cra.stage.notification'),
    t('cra.stage.final-report'),
  ]
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="cra" title={t('cra.overview.title')}>
      <div class="container stack">
        <PageHeader title={t('cra.overview.title')} />
        <p class="text-muted">{t('cra.overview.intro')}</p>
        {manufacturer ? null : <Alert tone="info">{t('cra.overview.notManufacturer')}</Alert>}
        {rows.length === 0 ? (
          <p>{t('cra.overview.none')}</p>
        ) : (
          <Table head={head} stack>
            {rows.map((r) => (
              <tr key={r.id} data-cra-case={r.ref} data-overdue={String(r.overdue)}>
                <Cell label={head[0]} kind="ref">
                  <a href={`/w/${org.slug}/reports/${r.ref}/cra`}>{r.ref}</a>
                  {r.overdue > 0 ? (
                    <>
                      {' '}
                      <strong>{t('cra.overview.overdue', { count: r.overdue })}</strong>
                    </>
                  ) : null}
                </Cell>
                <Cell label={head[1]}>{t(`cra.kind.${r.kind}` as MessageKey)}</Cell>
                <Cell label={head[2]} kind="nowrap">
                  <TeamTime iso={r.awareAt} zone={timeZone} t={t} now={ctx.now} />
                </Cell>
                {r.clocks.map((c, i) => (
                  <Cell key={c.stage} label={head[3 + i]}>
                    <span data-cra-stage={c.stage} data-state={c.state}>
                      {t(`cra.state.${c.state}` as MessageKey)}
                    </span>
                    {c.filing ? (
                      <>
                        <br />
                        {t('cra.filedAt', { at: when(c.filing.at), reference: c.filing.reference })}
                      </>
                    ) : c.dueAt ? (
                      <>
                        <br />
                        {t('cra.due', { at: when(c.dueAt) })}
                      </>
                    ) : null}
                  </Cell>
                ))}
              </tr>
            ))}
          </Table>
        )}
      </div>
    </WorkspaceLayout>
  )
}
