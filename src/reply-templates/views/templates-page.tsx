import type { ReplyTemplate } from '../../domain/reply-template/template.js'
import {
  Button,
  ButtonLink,
  Card,
  EmptyState,
  HiddenInput,
  Markdown,
  PageHeader,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { Role } from '../../storage/schema.js'
import { PlaceholderList } from './placeholder-list.js'

export interface TemplatesPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  own: ReplyTemplate[]
  /** Made from the current policy, not stored: they can be copied into an editable template. */
  builtin: ReplyTemplate[]
}

function TemplateCard({ ctx, base, template, own }: { ctx: PageContext; base: string; template: ReplyTemplate; own: boolean }) {
  const { t } = ctx
  return (
    <Card title={template.name}>
      <div class="stack" data-reply-template={template.id}>
        {template.detailed ? <p class="text-muted">{t('replyTemplates.marksDetailed')}</p> : null}
        <details>
          <summary>{t('replyTemplates.preview')}</summary>
          <Markdown html={renderMarkdown(template.body)} />
        </details>
        <div class="cluster">
          {own ? (
            <>
              <ButtonLink href={`${base}/${template.id}`}>{t('replyTemplates.edit', { name: template.name })}</ButtonLink>
              <ButtonLink href={`${base}/new?from=${encodeURIComponent(template.id)}`} variant="ghost">
                {t('replyTemplates.duplicate')}
              </ButtonLink>
              <form method="post" action={`${base}/${template.id}/delete`}>
                <HiddenInput name="_csrf" value={ctx.csrfToken} />
                <Button variant="danger">{t('replyTemplates.delete', { name: template.name })}</Button>
              </form>
            </>
          ) : (
            <ButtonLink href={`${base}/new?from=${encodeURIComponent(template.id)}`}>
              {t('replyTemplates.copy', { name: template.name })}
            </ButtonLink>
          )}
        </div>
      </div>
    </Card>
  )
}

/** The organization's reply templates (issue 14, item 7): the team's own, and the built-in ones the policy makes. */
export function TemplatesPage({ ctx, org, role, own, builtin }: TemplatesPageProps) {
  const { t } = ctx
  const base = `/w/${org.slug}/reply-templates`
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="reply-templates" title={t('replyTemplates.title')}>
      <div class="container stack">
        <PageHeader
          title={t('replyTemplates.title')}
          actions={
            <ButtonLink href={`${base}/new`} variant="primary">
              {t('replyTemplates.new')}
            </ButtonLink>
          }
        />
        <p>{t('replyTemplates.lead')}</p>
        <section class="stack" aria-labelledby="own-heading">
          <h2 id="own-heading">{t('replyTemplates.own')}</h2>
          {own.length === 0 ? <EmptyState title={t('replyTemplates.none')} /> : null}
          {own.map((x) => (
            <TemplateCard key={x.id} ctx={ctx} base={base} template={x} own />
          ))}
        </section>
        <section class="stack" aria-labelledby="builtin-heading">
          <h2 id="builtin-heading">{t('replyTemplates.builtin')}</h2>
          <p class="text-muted">{t('replyTemplates.builtin.hint')}</p>
          {builtin.map((x) => (
            <TemplateCard key={x.id} ctx={ctx} base={base} template={x} own={false} />
          ))}
        </section>
        <PlaceholderList t={t} />
      </div>
    </WorkspaceLayout>
  )
}
