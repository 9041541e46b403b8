import { Alert, Button, Card, HiddenInput, Markdown, PageHeader, WorkspaceLayout } from '../http/views/components/index.js'
import { renderMarkdown } from '../http/views/markdown.js'
import type { PageContext } from '../http/views/page-context.js'
import type { Role } from '../storage/schema.js'

/**
 * What a rejection tells the reporter, before it is sent: the same block their follow-up page will
 * show (the reason, rendered as the reporter will see it), and whether a notice goes by mail.
 */
export function RejectPreviewPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  ref: string
  reason: string
  reporterReachable: boolean
}) {
  const { ctx, org, role, ref, reason, reporterReachable } = props
  const { t } = ctx
  const base = `/w/${org.slug}/reports/${ref}`
  return (
    <WorkspaceLayout title={t('rejectPreview.title', { ref })} ctx={ctx} org={org} role={role} current="reports">
      <div class="stack">
        <PageHeader title={t('rejectPreview.title', { ref })} subtitle={t('rejectPreview.lead')} />
        <Card title={t('portal.rejected.title')}>
          <div class="stack" data-rejection-preview="">
            <p>{t('portal.rejected.lead', { org: org.name })}</p>
            <Markdown html={renderMarkdown(reason)} />
          </div>
        </Card>
        <Alert tone="info">{reporterReachable ? t('rejectPreview.mailed') : t('rejectPreview.pageOnly')}</Alert>
        <form method="post" action={`${base}/status`} class="cluster">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <HiddenInput name="to" value="rejected" />
          <HiddenInput name="reason" value={reason} />
          <Button variant="primary">{t('rejectPreview.send')}</Button>
          <a href={base}>{t('rejectPreview.back')}</a>
        </form>
      </div>
    </WorkspaceLayout>
  )
}
