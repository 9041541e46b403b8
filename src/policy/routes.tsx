import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { diffHunks, lineDiff } from '../domain/policy/line-diff.js'
import { type PolicyProblem, parsePolicy } from '../domain/policy/parse-policy.js'
import { renderSecurityMd } from '../domain/policy/render-security-md.js'
import { renderSecurityTxt } from '../domain/policy/render-security-txt.js'
import { Policy } from '../domain/policy/schema.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { countOrganizations, findOrganizationBySlug, listOrganizations } from '../storage/repositories/organization-repository.js'
import { currentPolicy, findCurrentPolicyVersion, listPolicyVersions } from '../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { importPolicy } from './import-policy.js'
import { listPresets, readPreset } from './presets.js'
import { reportPolicyRoutes } from './report-routes.js'
import { escalateAsReporter, escalationOffer } from './reporter-escalation.js'
import { orgSigningKey, signedSecurityTxt } from './signed-security-txt.js'
import { EscalationPage, targetLabel } from './views/escalation-page.js'
import { AdminPolicyPage, PublicPolicyPage } from './views/policy-pages.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
type OrgParams = { org: string }

/**
 * Policy as code over HTTP: the public policy files (security.txt, SECURITY.md, the policy page,
 * the JSON Schema), the administrators' editor, the reporter's escalation and the team's
 * report-side actions (severity, labels, steps, waiting on the reporter).
 */
export async function policyRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const orgUrl = (org: Pick<OrganizationRow, 'slug'>) => new URL(`/o/${org.slug}`, deps.config.publicUrl).href

  async function current(slug: string) {
    const org = await findOrganizationBySlug(deps.db, slug)
    if (!org) throw new HttpProblem('NOT_FOUND')
    const found = await currentPolicy(deps.db, org.id)
    return { org, version: found, policy: found?.policy }
  }

  // With an organization key, security.txt is cleartext-signed with it (RFC 9116 §2.3) and its
  // Encryption field names /o/<org>/openpgp.asc, unless the policy names another key.
  const securityTxt = async (reply: FastifyReply, slug: string, canonicalPath: string) => {
    const { org, policy, version } = await current(slug)
    if (!policy || !version) throw new HttpProblem('NOT_FOUND')
    const key = await orgSigningKey(deps, org)
    const policyKey = policy.securityTxt?.encryption ?? policy.channels.email?.find((e) => e.openpgp?.url)?.openpgp?.url
    const canonicalUrl = new URL(canonicalPath, deps.config.publicUrl).href
    const render = () =>
      renderSecurityTxt(policy, {
        publicUrl: orgUrl(org),
        canonicalUrl,
        now: deps.now().toISOString(),
        encryptionUrl: key && !policyKey ? key.publicKeyUrl : undefined,
      })
    const text = key ? await signedSecurityTxt(deps, org, key, { policyVersionId: version.versionId, canonicalUrl }, render) : render()
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(text)
  }

  const pub = { access: 'public' } as const
  app.get('/.well-known/security.txt', { config: pub }, async (_request, reply) => {
    // One organization: its file. Several: the one EMBARGO_DEFAULT_ORG names, else none (each has its own under /o/<slug>/).
    let slug = deps.config.defaultOrg
    if (!slug && (await countOrganizations(deps.db)) === 1) slug = (await listOrganizations(deps.db))[0]?.slug ?? null
    if (!slug) throw new HttpProblem('NOT_FOUND')
    return securityTxt(reply, slug, '/.well-known/security.txt')
  })
  app.get<{ Params: OrgParams }>('/o/:org/.well-known/security.txt', { config: pub, schema: { params: OrgParams } }, (request, reply) =>
    securityTxt(reply, request.params.org, `/o/${request.params.org}/.well-known/security.txt`),
  )
  app.get<{ Params: OrgParams }>('/o/:org/security.txt', { config: pub, schema: { params: OrgParams } }, (request, reply) =>
    securityTxt(reply, request.params.org, `/o/${request.params.org}/.well-known/security.txt`),
  )

  app.get<{ Params: OrgParams }>('/o/:org/SECURITY.md', { config: pub, schema: { params: OrgParams } }, async (request, reply) => {
    const { org, policy } = await current(request.params.org)
    if (!policy) throw new HttpProblem('NOT_FOUND')
    const text = renderSecurityMd(policy, { reportUrl: `${orgUrl(org)}/report` })
    return reply.type('text/markdown; charset=utf-8').send(text)
  })

  app.get<{ Params: OrgParams }>('/o/:org/policy', { config: pub, schema: { params: OrgParams } }, async (request, reply) => {
    const { org, policy, version } = await current(request.params.org)
    const markdown = policy ? renderSecurityMd(policy, { reportUrl: `${orgUrl(org)}/report` }) : null
    const v = version ? { version: version.version, createdAt: version.createdAt } : null
    return reply.page(<PublicPolicyPage ctx={pageContext(request, reply)} org={org} version={v} markdown={markdown} />)
  })

  app.get('/schemas/policy.json', { config: pub }, async (_request, reply) =>
    reply
      .type('application/schema+json; charset=utf-8')
      .send(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', $id: '/schemas/policy.json', ...Policy }, null, 2)),
  )

  // The reporter's escalation, with the follow-up capability.
  const reporter = { access: 'reporter' } as const
  const escalationPage = async (request: FastifyRequest, reply: FastifyReply, sent?: string, status = 200) => {
    const access = request.reportAccess!
    const org = await deps.db.selectFrom('organization').select(['slug', 'name']).where('id', '=', access.orgId).executeTakeFirst()
    if (!org) throw new HttpProblem('NOT_FOUND')
    const offer = await escalationOffer(deps, access)
    return reply.page(<EscalationPage ctx={pageContext(request, reply)} org={org} offer={offer} sent={sent} />, status)
  }
  app.get('/follow-up/escalate', { config: reporter }, (request, reply) => escalationPage(request, reply))
  app.post('/follow-up/escalate', { config: { ...reporter, rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const result = await escalateAsReporter(deps, request.reportAccess!)
    if (!result.ok) return escalationPage(request, reply, undefined, 409)
    const offer = result.value
    return escalationPage(request, reply, offer.state === 'available' ? targetLabel(pageContext(request, reply), offer) : undefined)
  })

  // The administrators' editor.
  const admin = { access: 'org.admin' } as const
  const editor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    org: OrganizationRow,
    view: { source?: string; problems?: PolicyProblem[]; diff?: boolean; notice?: string },
    status = 200,
  ) => {
    const [currentVersion, versions] = await Promise.all([findCurrentPolicyVersion(deps.db, org.id), listPolicyVersions(deps.db, org.id)])
    const source = view.source ?? currentVersion?.source_yaml ?? ''
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
      />,
      status,
    )
  }

  app.get<{ Params: OrgParams; Querystring: { preset?: string; saved?: string } }>(
    '/w/:org/admin/policy',
    { config: admin, schema: { params: OrgParams } },
    async (request, reply) => {
      const org = request.org!
      const t = pageContext(request, reply).t
      const preset = typeof request.query.preset === 'string' ? readPreset(request.query.preset) : undefined
      const saved = Number(request.query.saved)
      return editor(request, reply, org, {
        ...(preset ? { source: preset.source, diff: true } : {}),
        ...(Number.isInteger(saved) && saved > 0 ? { notice: t('policy.admin.saved', { version: saved }) } : {}),
      })
    },
  )

  app.post<{ Params: OrgParams }>('/w/:org/admin/policy', { config: admin, schema: { params: OrgParams } }, async (request, reply) => {
    const org = request.org!
    const form = (request.body ?? {}) as Record<string, unknown>
    const source = typeof form.source === 'string' ? form.source : ''
    const t = pageContext(request, reply).t
    if (form.intent !== 'save') {
      const parsed = parsePolicy(source, 'policy.yaml')
      return editor(request, reply, org, { source, problems: parsed.ok ? [] : parsed.errors, diff: true }, parsed.ok ? 200 : 422)
    }
    const result = await importPolicy(deps, org, source, 'policy.yaml', request.user!.id)
    if (result.ok) return reply.redirect(`/w/${org.slug}/admin/policy?saved=${result.value.version}`, 303)
    if (result.error.code === 'POLICY_UNCHANGED')
      return editor(request, reply, org, { source, notice: t('policy.admin.unchanged', { version: result.error.version }) })
    return editor(request, reply, org, { source, problems: result.error.problems, diff: true }, 422)
  })

  await app.register(reportPolicyRoutes, { deps })
}
