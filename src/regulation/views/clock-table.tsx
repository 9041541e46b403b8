import type { CraClock, CraKind } from '../../domain/regulation/cra-clocks.js'
import { Cell, Table, TeamTime } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { MessageKey } from '../../i18n/messages.js'

/** The three Article 14 clocks of a case: stage, state, deadline (or what it waits for), the filing. */
export function CraClockTable({
  ctx,
  kind,
  clocks,
  zone,
  stageHref,
}: {
  ctx: PageContext
  kind: CraKind
  clocks: CraClock[]
  /** The organization's zone (its policy's calendar). */
  zone: string
  stageHref?: (stage: string) => string
}) {
  const { t } = ctx
  const head = [t('cra.case.stage'), t('cra.case.state'), t('cra.case.deadline')]
  return (
    <Table head={head} stack>
      {clocks.map((c) => (
        <tr key={c.stage} data-cra-stage={c.stage} data-state={c.state}>
          <Cell label={head[0]} kind="title">
            {stageHref ? (
              <a href={stageHref(c.stage)}>{t(`cra.stage.${c.stage}` as MessageKey)}</a>
            ) : (
              t(`cra.stage.${c.stage}` as MessageKey)
            )}
          </Cell>
          <Cell label={head[1]} kind="nowrap">
            {t(`cra.state.${c.state}` as MessageKey)}
          </Cell>
          <Cell label={head[2]}>
            {c.dueAt ? <TeamTime iso={c.dueAt} zone={zone} t={t} now={ctx.now} /> : t(`cra.waiting.${kind}` as MessageKey)}
            {c.filing ? (
              <>
                <br />
                <time datetime={c.filing.at}>
                  {t('cra.filedAt', { at: formatTime(c.filing.at, zone, t.locale), reference: c.filing.reference })}
                </time>
              </>
            ) : null}
          </Cell>
        </tr>
      ))}
    </Table>
  )
}
