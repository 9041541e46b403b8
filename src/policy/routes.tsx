import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Deps } from '../deps.js'
import { renderSecurityMd } from '../domain/policy/render-security-md.js'
import { renderSecurityTxt } from '../domain/policy/render-security-txt.js'
import { Policy } from '../domain/policy/schema.js'
import { HttpProblem } from '../http/problems.js'
import { pageContext } from '../http/views/page-context.js'
import { hasPublicAdvisories } from '../storage/repositories/advisory-repository.js'
import { findOrgMail } from '../storage/repositories/mail-repository.js'
import { countOrganizations, findOrganizationBySlug, listOrganizations } from '../storage/repositories/organization-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../storage/schema.js'
import { PublicPolicyPage } from './policy-pages.js'
import { orgSigningKey, signedSecurityTxt } from './signed-security-txt.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
type OrgParams = { org: string }

/**
 * The organization's policy in public: security.txt (signed with the organization's key when it
 * has one), SECURITY.md, the policy page and the policy file's JSON Schema.
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
    const mail = await findOrgMail(deps.db, org.id)
    const policyKey = policy.securityTxt?.encryption ?? policy.channels.email?.find((e) => e.openpgp?.url)?.openpgp?.url
    const canonicalUrl = new URL(canonicalPath, deps.config.publicUrl).href
    // An organization that publishes advisories names its CSAF provider (CSAF 2.0 §7.1.8, requirement 8).
    const csafProviderMetadataUrl = (await hasPublicAdvisories(deps.db, org.id))
      ? `${orgUrl(org)}/.well-known/csaf/provider-metadata.json`
      : undefined
    const render = () =>
      renderSecurityTxt(policy, {
        publicUrl: orgUrl(org),
        canonicalUrl,
        now: deps.now().toISOString(),
        encryptionUrl: key && !policyKey ? key.publicKeyUrl : undefined,
        securityAddress: mail?.securityAddress,
        csafProviderMetadataUrl,
      })
    // The signed text is cached per policy version: its first advisory changes the text too.
    const cacheVersion = `${version.versionId}${csafProviderMetadataUrl ? '+csaf' : ''}`
    const text = key ? await signedSecurityTxt(deps, org, key, { policyVersionId: cacheVersion, canonicalUrl }, render) : render()
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
}
