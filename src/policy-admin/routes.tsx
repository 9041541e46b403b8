import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { diffHunks, lineDiff } from '../domain/policy/line-diff.js'
import { type PolicyProblem, parsePolicy } from '../domain/policy/parse-policy.js'
import { policyAttention } from '../domain/policy/policy-attention.js'
import { presetAsTemplate } from '../domain/policy/preset-template.js'
import { Form } from '../http/form-body.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { findCurrentPolicyVersion, findPolicyVersionByNumber, listPolicyVersions } from '../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { orgTimeZone } from '../storage/time-zone.js'
import { organizationIdentity } from './organization-identity.js'
import { PolicyDocsPage, policyDocsMarkdown } from './policy-docs-page.js'
import { AdminPolicyPage, PolicyDiffPage, PolicyVersionPage } from './policy-editor-page.js'
import { listPresets, readPreset } from './presets.js'
import { importPolicy } from './use-cases/import-policy.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
type OrgParams = { org: string }
const EditorQuery = Type.Object({
  preset: Type.Optional(Type.String({ maxLength: 64 })),
})
// A policy file is a few kilobytes; the outer bound leaves room for long comments.
const EditorForm = Form({ source: Form.text(256 * 1024), intent: Form.choice(['preview', 'save'] as const) })
type EditorForm = { source?: string; intent?: 'preview' | 'save' }
const VersionParams = Type.Object({ org: Type.String({ maxLength: 64 }), version: Type.String({ pattern: '^[0-9]{1,9}$' }) })
type VersionParams = { org: string; version: string }
const DiffQuery = Type.Object({ from: Type.String({ pattern: '^[0-9]{1,9}$' }), to: Type.String({ pattern: '^[0-9]{1,9}$' }) })
type DiffQuery = { from: string; to: string }

/** The administrators' policy editor: preview with line-numbered problems and a diff, save as the next version. */
export async function policyAdminRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const admin = { access: 'org.admin' } as const
  const editor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    org: OrganizationRow,
    view: { source?: string; problems?: PolicyProblem[]; diff?: boolean; notice?: string },
    status = 200,
  ) => {
    const [currentVersion, versions, identity, timeZone] = await Promise.all([
      findCurrentPolicyVersion(deps.db, org.id),
      listPolicyVersions(deps.db, org.id),
      organizationIdentity(deps, org),
      orgTimeZone(deps.db, org.id),
    ])
    const source = view.source ?? currentVersion?.source_yaml ?? ''
    const running = currentVersion ? parsePolicy(currentVersion.source_yaml, 'policy.yaml') : undefined
    const attention =
      running?.ok === true
        ? policyAttention(running.policy, {
            name: org.name,
            slug: org.slug,
            securityAddress: identity.securityAddress,
            hasKey: identity.key !== undefined,
          })
        : undefined
    return reply.page(
      <AdminPolicyPage
        ctx={pageContext(request, reply)}
        org={org}
        role={request.role!}
        current={currentVersion ? { version: Number(currentVersion.version), createdAt: currentVersion.created_at } : null}
        versions={versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at }))}
        presets={listPresets()}
        source={source}
        problems={view.problems}
        diff={view.diff ? diffHunks(lineDiff(currentVersion?.source_yaml ?? '', source)) : undefined}
        notice={view.notice}
        attention={attention}
        timeZone={timeZone}
      />,
      status,
    )
  }

  app.get<{ Params: OrgParams; Querystring: { preset?: string; saved?: string } }>(
    '/w/:org/admin/policy',
    { config: admin, schema: { params: OrgParams, querystring: EditorQuery } },
    async (request, reply) => {
      const org = request.org!
      const _t = pageContext(request, reply).t
      const preset = request.query.preset !== undefined ? readPreset(request.query.preset) : undefined
      // A preset is another organization's policy: it arrives with this organization's identity in it.
      const template = preset ? presetAsTemplate(preset.source, await organizationIdentity(deps, org)) : undefined
      return editor(request, reply, org, template !== undefined ? { source: template, diff: true } : {})
    },
  )

  app.post<{ Params: OrgParams; Body: EditorForm }>(
    '/w/:org/admin/policy',
    { config: admin, schema: { params: OrgParams, body: EditorForm } },
    async (request, reply) => {
      const org = request.org!
      const form = request.body
      const source = form.source ?? ''
      const t = pageContext(request, reply).t
      if (form.intent !== 'save') {
        const parsed = parsePolicy(source, 'policy.yaml')
        return editor(request, reply, org, { source, problems: parsed.ok ? [] : parsed.errors, diff: true }, parsed.ok ? 200 : 422)
      }
      const result = await importPolicy(deps, org, source, 'policy.yaml', request.user!.id)
      if (result.ok)
        return reply.flashTo(`/w/${org.slug}/admin/policy`, {
          tone: 'success',
          text: t('policy.admin.saved', { version: result.value.version }),
        })
      if (result.error.code === 'POLICY_UNCHANGED')
        return editor(request, reply, org, { source, notice: t('policy.admin.unchanged', { version: result.error.version }) })
      return editor(request, reply, org, { source, problems: result.error.problems, diff: true }, 422)
    },
  )

  const versionList = async (orgId: string) =>
    (await listPolicyVersions(deps.db, orgId)).map((v) => ({ version: Number(v.version), createdAt: v.created_at }))

  app.get<{ Params: VersionParams }>(
    '/w/:org/admin/policy/versions/:version',
    { config: admin, schema: { params: VersionParams } },
    async (request, reply) => {
      const org = request.org!
      const found = await findPolicyVersionByNumber(deps.db, org.id, Number(request.params.version))
      if (!found) throw new HttpProblem('NOT_FOUND')
      const current = await findCurrentPolicyVersion(deps.db, org.id)
      return reply.page(
        <PolicyVersionPage
          ctx={pageContext(request, reply)}
          org={org}
          role={request.role!}
          version={{ version: Number(found.version), createdAt: found.created_at, source: found.source_yaml }}
          current={current ? Number(current.version) : null}
          versions={await versionList(org.id)}
          timeZone={await orgTimeZone(deps.db, org.id)}
        />,
      )
    },
  )

  app.get<{ Params: OrgParams; Querystring: DiffQuery }>(
    '/w/:org/admin/policy/diff',
    { config: admin, schema: { params: OrgParams, querystring: DiffQuery } },
    async (request, reply) => {
      const org = request.org!
      const from = Number(request.query.from)
      const to = Number(request.query.to)
      const [a, b] = await Promise.all([findPolicyVersionByNumber(deps.db, org.id, from), findPolicyVersionByNumber(deps.db, org.id, to)])
      if (!a || !b) throw new HttpProblem('NOT_FOUND')
      return reply.page(
        <PolicyDiffPage
          ctx={pageContext(request, reply)}
          org={org}
          role={request.role!}
          from={from}
          to={to}
          diff={diffHunks(lineDiff(a.source_yaml, b.source_yaml))}
          versions={await versionList(org.id)}
          timeZone={await orgTimeZone(deps.db, org.id)}
        />,
      )
    },
  )

  // The documentation of the policy file, as this instance's version of it says.
  app.get('/docs/policy', { config: { access: 'public' } }, async (request, reply) =>
    reply.page(<PolicyDocsPage ctx={pageContext(request, reply)} markdown={policyDocsMarkdown()} />),
  )
}
