import { placeholders } from '../../domain/reply-template/placeholders.js'
import { type ReplyTemplateProblem, templateBodyMax, templateNameMax } from '../../domain/reply-template/template.js'
import { Alert, Button, Card, HiddenInput, PageHeader, TextArea, TextInput, WorkspaceLayout } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { Translator } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import { PlaceholderList } from './placeholder-list.js'

export interface TemplateFormValues {
  name: string
  body: string
  detailed: boolean
}

export interface TemplateFormPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  /** The template being edited; absent for a new one. */
  templateId?: string | undefined
  values: TemplateFormValues
  problem?: Omit<ReplyTemplateProblem, 'code'> | undefined
}

const known = () => placeholders.map((p) => `{{${p}}}`).join(', ')

/** What is wrong with the body, in words a member can act on (an unknown placeholder names the known ones). */
export function bodyProblemText(t: Translator, problem: Omit<ReplyTemplateProblem, 'code'>): string | undefined {
  if (problem.body === 'required') return t('replyTemplates.error.bodyRequired')
  if (problem.body === 'too-long') return t('replyTemplates.error.bodyTooLong', { max: templateBodyMax })
  if (problem.body === 'unknown-placeholder')
    return t('replyTemplates.error.unknownPlaceholder', { unknown: problem.unknown.map((u) => `{{${u}}}`).join(', '), known: known() })
  return undefined
}

export function nameProblemText(t: Translator, problem: Omit<ReplyTemplateProblem, 'code'>): string | undefined {
  if (problem.name === 'required') return t('replyTemplates.error.nameRequired', { max: templateNameMax })
  if (problem.name === 'too-long') return t('replyTemplates.error.nameTooLong', { max: templateNameMax })
  return undefined
}

/** A new template, or one of the team's to change: name, Markdown body with placeholders, and whether it is the detailed response. */
export function TemplateFormPage({ ctx, org, role, templateId, values, problem }: TemplateFormPageProps) {
  const { t } = ctx
  const base = `/w/${org.slug}/reply-templates`
  const title = templateId ? t('replyTemplates.editTitle') : t('replyTemplates.new')
  const bodyError = problem ? bodyProblemText(t, problem) : undefined
  const nameError = problem ? nameProblemText(t, problem) : undefined
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="reply-templates" title={title}>
      <div class="container stack">
        <PageHeader title={title} subtitle={templateId ? values.name : undefined} />
        {problem ? <Alert tone="danger">{[t('replyTemplates.error'), nameError, bodyError].filter(Boolean).join(' ')}</Alert> : null}
        <Card>
          <form method="post" action={templateId ? `${base}/${templateId}` : base} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput
              name="name"
              label={t('replyTemplates.name')}
              value={values.name}
              error={nameError}
              maxLength={templateNameMax}
              required
              t={t}
            />
            <TextArea
              name="body"
              label={t('replyTemplates.body')}
              hint={t('replyTemplates.body.hint')}
              value={values.body}
              error={bodyError}
              rows={16}
              maxLength={templateBodyMax}
              required
              t={t}
            />
            <label class="check">
              <input type="checkbox" name="detailed" value="on" checked={values.detailed} /> {t('replyTemplates.detailed')}
            </label>
            <p class="text-muted">{t('replyTemplates.detailed.hint')}</p>
            <div>
              <Button variant="primary">{t('replyTemplates.save')}</Button>
            </div>
          </form>
        </Card>
        <PlaceholderList t={t} />
        <p>
          <a href={base}>{t('replyTemplates.backToList')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  )
}
