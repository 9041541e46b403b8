import { AnnouncementStatusTable } from '../../announcements/index.js'
import type { UserNotice } from '../../domain/regulation/user-notice.js'
import { Button, Card, HiddenInput, KeyValue, Markdown, PageHeader, TextArea, WorkspaceLayout } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { AnnouncementStatus } from '../../storage/repositories/announcement-repository.js'
import type { Role } from '../../storage/schema.js'
import type { CraContext } from '../load-case.js'

/** The notice to users drafted from the advisory, with the link to its CSAF document, and its sending through the announcement channels. */
export function CraNoticePage({
  ctx,
  role,
  c,
  notice,
  sent = [],
}: {
  ctx: PageContext
  role: Role
  c: CraContext
  notice: UserNotice | undefined
  sent?: AnnouncementStatus[]
}) {
  const { t } = ctx
  const url = `/w/${c.org.slug}/reports/${c.report.ref}/cra/notice/announce`
  return (
    <WorkspaceLayout ctx={ctx} org={c.org} role={role} current="cra" title={`${c.report.ref} · ${t('cra.userNotice.title')}`}>
      <div class="container stack">
        <PageHeader
          title={t('cra.userNotice.title')}
          subtitle={c.report.ref}
          actions={<a href={`/w/${c.org.slug}/reports/${c.report.ref}/cra`}>{t('cra.title')}</a>}
        />
        <p class="text-muted">{t('cra.userNotice.intro')}</p>
        {notice ? (
          <>
            <Card title={notice.subject}>
              <Markdown html={renderMarkdown(notice.body)} />
            </Card>
            <Card title={t('cra.userNotice.text')}>
              <div class="stack">
                <KeyValue
                  items={[
                    { label: t('cra.userNotice.subject'), value: notice.subject },
                    {
                      label: t('cra.userNotice.csaf'),
                      value: notice.machineReadable ? (
                        <a href={notice.machineReadable} data-csaf-link="">
                          {notice.machineReadable}
                        </a>
                      ) : (
                        t('cra.userNotice.csafPending')
                      ),
                    },
                  ]}
                />
                <TextArea name="notice" label={t('cra.userNotice.text')} value={notice.body} rows={12} />
              </div>
            </Card>
            <Card title={t('cra.userNotice.channels')}>
              <div class="stack">
                {sent.length === 0 ? (
                  <p>{t('cra.userNotice.notSent')}</p>
                ) : (
                  <AnnouncementStatusTable ctx={ctx} rows={sent} zone={c.timeZone} />
                )}
                {!notice.machineReadable ? (
                  <p class="text-muted">{t('cra.userNotice.notPublished')}</p>
                ) : role !== 'viewer' ? (
                  <form method="post" action={url} class="stack">
                    <p class="text-muted">{t('cra.userNotice.sending')}</p>
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <Button variant="primary">{t('cra.userNotice.send')}</Button>
                  </form>
                ) : null}
              </div>
            </Card>
          </>
        ) : (
          <p>{t('cra.userNotice.noAdvisory')}</p>
        )}
      </div>
    </WorkspaceLayout>
  )
}
