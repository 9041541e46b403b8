import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cipherFor, type Deps } from '../deps.js'
import { builtinTemplates } from '../domain/reply-template/builtin.js'
import type { ReplyTemplateInput, ReplyTemplateProblem } from '../domain/reply-template/template.js'
import { EmptyForm } from '../http/form-body.js'
import { HttpProblem, problems } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import { findReplyTemplate, listReplyTemplates } from '../storage/repositories/reply-template-repository.js'
import { NewQuery, OrgParams, TemplateForm, TemplateParams } from './schemas.js'
import { findTemplate } from './template-choice.js'
import { changeReplyTemplate } from './use-cases/change-reply-template.js'
import { createReplyTemplate } from './use-cases/create-reply-template.js'
import { deleteReplyTemplate } from './use-cases/delete-reply-template.js'
import { TemplateFormPage, type TemplateFormValues } from './views/template-form-page.js'
import { TemplatesPage } from './views/templates-page.js'

const inputOf = (body: TemplateForm): ReplyTemplateInput => ({
  name: body.name ?? '',
  body: body.body ?? '',
  detailed: body.detailed === 'on' || body.detailed === 'true',
})

/**
 * Reply templates (issue 14, item 7) on `/w/:org/reply-templates`: the team's own (create, edit,
 * delete) and the built-in ones the policy makes. Managed by whoever manages the policy
 * (`org.admin`); every member who may reply inserts them from the report page (template-choice.ts).
 * Each change answers 303 to the list with a flash; a refused one shows the form again (422) with
 * what was typed and what is wrong.
 */
export async function replyTemplateRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const config = { access: 'org.admin' } as const
  const listOf = (slug: string) => `/w/${slug}/reply-templates`

  const policyOf = async (orgId: string) => (await currentPolicy(deps.db, orgId))?.policy

  const showForm = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: TemplateFormValues,
    extra: { templateId?: string; problem?: ReplyTemplateProblem } = {},
  ) =>
    reply.page(
      <TemplateFormPage ctx={pageContext(request, reply)} org={request.org!} role={request.role!} values={values} {...extra} />,
      extra.problem ? problems.REPLY_TEMPLATE_INVALID.status : 200,
    )

  app.get('/w/:org/reply-templates', { config, schema: { params: OrgParams } }, async (request, reply) => {
    const org = request.org!
    const own = await listReplyTemplates(deps.db, cipherFor(deps, org), org.id)
    const builtin = builtinTemplates(await policyOf(org.id))
    return reply.page(<TemplatesPage ctx={pageContext(request, reply)} org={org} role={request.role!} own={own} builtin={builtin} />)
  })

  // A new template, empty or a copy of another (`?from=builtin:detailed-response`, or one of the team's own).
  app.get<{ Querystring: NewQuery }>(
    '/w/:org/reply-templates/new',
    { config, schema: { params: OrgParams, querystring: NewQuery } },
    async (request, reply) => {
      const org = request.org!
      const from = request.query.from ? await findTemplate(deps, org, await policyOf(org.id), request.query.from) : undefined
      const { t } = pageContext(request, reply)
      const values = from
        ? {
            name: from.id.startsWith('builtin:') ? from.name : t('replyTemplates.copyName', { name: from.name }),
            body: from.body,
            detailed: from.detailed,
          }
        : { name: '', body: '', detailed: false }
      return showForm(request, reply, values)
    },
  )

  app.post<{ Body: TemplateForm }>(
    '/w/:org/reply-templates',
    { config, schema: { params: OrgParams, body: TemplateForm } },
    async (request, reply) => {
      const org = request.org!
      const input = inputOf(request.body)
      const created = await createReplyTemplate(deps, org, input, request.user!.id)
      if (!created.ok) return showForm(request, reply, input, { problem: created.error })
      const { t } = pageContext(request, reply)
      return reply.flashTo(listOf(org.slug), { tone: 'success', text: t('replyTemplates.done.created', { name: created.value.name }) })
    },
  )

  app.get<{ Params: TemplateParams }>(
    '/w/:org/reply-templates/:id',
    { config, schema: { params: TemplateParams } },
    async (request, reply) => {
      const org = request.org!
      const template = await findReplyTemplate(deps.db, cipherFor(deps, org), org.id, request.params.id)
      if (!template) throw new HttpProblem('NOT_FOUND')
      return showForm(request, reply, template, { templateId: template.id })
    },
  )

  app.post<{ Params: TemplateParams; Body: TemplateForm }>(
    '/w/:org/reply-templates/:id',
    { config, schema: { params: TemplateParams, body: TemplateForm } },
    async (request, reply) => {
      const org = request.org!
      const input = inputOf(request.body)
      const changed = await changeReplyTemplate(deps, org, request.params.id, input, request.user!.id)
      if (!changed.ok) {
        if (changed.error.code === 'NOT_FOUND') throw new HttpProblem('NOT_FOUND')
        return showForm(request, reply, input, { templateId: request.params.id, problem: changed.error })
      }
      const { t } = pageContext(request, reply)
      return reply.flashTo(listOf(org.slug), { tone: 'success', text: t('replyTemplates.done.changed', { name: changed.value.name }) })
    },
  )

  app.post<{ Params: TemplateParams }>(
    '/w/:org/reply-templates/:id/delete',
    { config, schema: { params: TemplateParams, body: EmptyForm } },
    async (request, reply) => {
      const org = request.org!
      const template = await findReplyTemplate(deps.db, cipherFor(deps, org), org.id, request.params.id)
      if (!template) throw new HttpProblem('NOT_FOUND')
      const deleted = await deleteReplyTemplate(deps, org, template.id, request.user!.id)
      if (!deleted.ok) throw new HttpProblem('NOT_FOUND')
      const { t } = pageContext(request, reply)
      return reply.flashTo(listOf(org.slug), { tone: 'success', text: t('replyTemplates.done.deleted', { name: template.name }) })
    },
  )
}
