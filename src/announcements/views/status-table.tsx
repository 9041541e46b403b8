import { Cell, StatusBadge, Table, TeamTime } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { AnnouncementStatus } from '../../storage/repositories/announcement-repository.js'

/**
 * How each channel got a message: sent, failed (and why), retrying (and when), or queued; `action`
 * adds a cell's control (the advisory page's "send again").
 */
export function AnnouncementStatusTable({
  ctx,
  rows,
  action,
  zone,
}: {
  ctx: PageContext
  rows: AnnouncementStatus[]
  /** The organization's zone (its policy's calendar); UTC without one. */
  zone?: string | undefined
  action?: (a: AnnouncementStatus) => preact.ComponentChildren
}) {
  const { t } = ctx
  const head = [t('announcements.channel'), t('announcements.delivery'), t('announcements.state'), t('announcements.when')]
  return (
    <Table head={head} stack>
      {rows.map((a) => (
        <tr key={a.id} data-channel={a.channel} data-state={a.state}>
          <Cell label={head[0]} kind="title" rowHeader>
            {a.channel}
          </Cell>
          <Cell label={head[1]}>{t(`announceAdmin.delivery.${a.delivery}` as MessageKey)}</Cell>
          <Cell label={head[2]}>
            <StatusBadge status={a.state} label={t(`announcements.state.${a.state}` as MessageKey)} />
            {a.lastError ? ` ${a.lastError}` : ''}
            {a.attempts > 1 ? ` (${t('announcements.attempts', { n: a.attempts })})` : ''}
            {action ? action(a) : null}
          </Cell>
          <Cell label={head[3]} kind="nowrap">
            {a.at ? <TeamTime iso={a.at} zone={zone} t={t} now={ctx.now} /> : ''}
          </Cell>
        </tr>
      ))}
    </Table>
  )
}
