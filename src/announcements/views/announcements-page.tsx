import { Alert, Button, HiddenInput, PageHeader, WorkspaceLayout } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { AnnouncementStatus } from '../../storage/repositories/announcement-repository.js'
import type { Role } from '../../storage/schema.js'
import { AnnouncementStatusTable } from './status-table.js'

/** How each channel was told of one advisory: sent, failed (and why), retrying (and when), or queued. */
export function AnnouncementsPage({
  ctx,
  org,
  role,
  advisory,
  announcements,
  retried,
  timeZone,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  advisory: { ownId: string; title: string; published: boolean }
  announcements: AnnouncementStatus[]
  retried?: boolean
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
}) {
  const { t } = ctx
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
          <AnnouncementStatusTable
            ctx={ctx}
            rows={announcements}
            zone={timeZone}
            action={(a) =>
              a.state === 'failed' && role !== 'viewer' ? (
                <form method="post" action={`${base}/${a.id}/retry`}>
                  <HiddenInput name="_csrf" value={ctx.csrfToken} />
                  <Button>{t('announcements.retry', { channel: a.channel })}</Button>
                </form>
              ) : null
            }
          />
        )}
      </div>
    </WorkspaceLayout>
  )
}
