import { ButtonLink, Card } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { CraPanelView } from '../load-panel.js'
import { CraClockTable } from './clock-table.js'

/** The CRA card on the team's report page: the case's clocks and a link to it, or the way to mark the report. */
export function CraPanel({ ctx, base, panel, canWork }: { ctx: PageContext; base: string; panel: CraPanelView; canWork: boolean }) {
  const { t } = ctx
  return (
    <Card title={t('cra.title')}>
      <div class="stack" id="cra">
        {panel.kind ? (
          <>
            <p>{t(`cra.kind.${panel.kind}` as MessageKey)}</p>
            <CraClockTable ctx={ctx} kind={panel.kind} clocks={panel.clocks} zone={panel.timeZone} />
            <ButtonLink href={`${base}/cra`}>{t('cra.panel.open')}</ButtonLink>
          </>
        ) : (
          <>
            <p class="text-muted">{t('cra.panel.none')}</p>
            {canWork ? <ButtonLink href={`${base}/cra`}>{t('cra.panel.mark')}</ButtonLink> : null}
          </>
        )}
      </div>
    </Card>
  )
}
