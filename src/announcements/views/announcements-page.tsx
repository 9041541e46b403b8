import { Alert, Button, Cell, HiddenInput, PageHeader, StatusBadge, Table, WorkspaceLayout } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { AnnouncementStatus } from '../../storage/repositories/announcement-repository.js'
import type { Role } from '../../storage/schema.js'

/** How each channel was told of one advisory: sent, failed (and why), retrying (and when), or queued. */
export function AnnouncementsPage({
  ctx,
  org,
  role,
  advisory,
  announcements,
  retried,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  advisory: { ownId: string; title: string; published: boolean }
  announcements: AnnouncementStatus[]
  retried?: boolean
}) {
  const { t } = ctx
  const head = [t('announcements.channel'), t('announcements.delivery'), t('announcements.state'), t('announcements.when')]
  const title = t('announcements.title', { id: advisory.ownId })
  const base = `/w/${org.slug}/advisories/${encodeURIComponent(advisory.ownId)}/announcements`
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={title}>
      <div class="container stack">
        <PageHeader title={title} subtitle={advisory.title} />
        {retried ? <Alert tone="success">{t('announcements.retried')}</Alert> : null}
        <p>
          <a href={`/w/${org.slug}/advisories/${encodeURIComponent(advisory.ownId)}`}>{advisory.ownId}</a>
        </p>
        <p>{t('announcements.lead')}</p>
        {!advisory.published ? (
          <p>{t('announcements.notPublished')}</p>
        ) : announcements.length === 0 ? (
          <p>{t('announcements.nothing')}</p>
        ) : (
          <Table head={head} stack>
            {announcements.map((a) => (
              <tr key={a.id} data-channel={a.channel} data-state={a.state}>
                <Cell label={head[0]} kind="title" rowHeader>
                  {a.channel}
                </Cell>
                <Cell label={head[1]}>{t(`announceAdmin.delivery.${a.delivery}` as MessageKey)}</Cell>
                <Cell label={head[2]}>
                  <StatusBadge status={a.state} label={t(`announcements.state.${a.state}` as MessageKey)} />
                  {a.lastError ? ` ${a.lastError}` : ''}
                  {a.attempts > 1 ? ` (${t('announcements.attempts', { n: a.attempts })})` : ''}
                  {a.state === 'failed' && role !== 'viewer' ? (
                    <form method="post" action={`${base}/${a.id}/retry`}>
                      <HiddenInput name="_csrf" value={ctx.csrfToken} />
                      <Button>{t('announcements.retry', { channel: a.channel })}</Button>
                    </form>
                  ) : null}
                </Cell>
                <Cell label={head[3]} kind="nowrap">
                  {a.at ? formatTime(a.at) : ''}
                </Cell>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </WorkspaceLayout>
  )
}
