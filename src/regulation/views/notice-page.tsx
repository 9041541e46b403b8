import type { UserNotice } from '../../domain/regulation/user-notice.js'
import { Card, KeyValue, Markdown, PageHeader, TextArea, WorkspaceLayout } from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { Role } from '../../storage/schema.js'
import type { CraContext } from '../load-case.js'

/** The notice to users drafted from the advisory, with the link to its CSAF document; sending it is another feature's. */
export function CraNoticePage({ ctx, role, c, notice }: { ctx: PageContext; role: Role; c: CraContext; notice: UserNotice | undefined }) {
  const { t } = ctx
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
                <p class="text-muted">{t('cra.userNotice.sending')}</p>
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
