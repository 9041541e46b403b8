import {
  Button,
  Card,
  EmptyState,
  HiddenInput,
  PageHeader,
  RadioGroup,
  TeamTime,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { NotificationRow } from '../../storage/repositories/notification-repository.js'
import type { Role } from '../../storage/schema.js'
import { notificationText } from '../notification-text.js'

export interface InboxPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  items: NotificationRow[]
  digest: 'off' | 'daily'
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
}

/** The member's notifications in one organization: what happened, to which report (by reference only), read or not. */
export function InboxPage({ ctx, org, role, items, digest, timeZone }: InboxPageProps) {
  const { t } = ctx
  const base = `/w/${org.slug}/inbox`
  const unread = items.filter((n) => n.readAt === null).length
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="inbox" title={t('inbox.title')}>
      <div class="container stack">
        <PageHeader title={t('inbox.title')} subtitle={t('inbox.unreadCount', { count: unread })} />
        <p>{t('inbox.intro')}</p>
        {unread > 0 ? (
          <form method="post" action={`${base}/read-all`}>
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button>{t('inbox.markAllRead')}</Button>
          </form>
        ) : null}
        {items.length === 0 ? (
          <EmptyState title={t('inbox.empty')} />
        ) : (
          <ul class="link-list inbox" aria-label={t('inbox.title')}>
            {items.map((n) => (
              <li key={n.id} class={n.readAt === null ? 'card inbox__item inbox__item--unread' : 'card card--muted inbox__item'}>
                <p>
                  <strong>{n.readAt === null ? `${t('inbox.unread')}: ` : `${t('inbox.read')}: `}</strong>
                  {n.reportId ? <a href={`/w/${org.slug}/reports/${n.ref}`}>{notificationText(t, n)}</a> : notificationText(t, n)}
                </p>
                <p>
                  <TeamTime iso={n.at} zone={timeZone} t={t} now={ctx.now} />
                </p>
                {n.readAt === null ? (
                  <form method="post" action={`${base}/${n.id}/read`}>
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <Button>
                      {t('inbox.markRead')}
                      <span class="visually-hidden">{`: ${notificationText(t, n)}`}</span>
                    </Button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <Card title={t('inbox.digest.title')}>
          <form method="post" action={`${base}/digest`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <RadioGroup
              name="digest"
              legend={t('inbox.digest.legend')}
              value={digest}
              options={[
                { value: 'off', label: t('inbox.digest.off') },
                { value: 'daily', label: t('inbox.digest.daily') },
              ]}
            />
            <Button variant="primary">{t('inbox.digest.save')}</Button>
          </form>
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
