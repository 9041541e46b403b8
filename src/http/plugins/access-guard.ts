import crypto from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../../deps.js'
import { mayActInOrganization } from '../../domain/access/mfa-rule.js'
import { type AccessName, access } from '../../domain/access/route-rules.js'
import { translator } from '../../i18n/messages.js'
import { hashSecret } from '../../storage/ids.js'
import { findTokenHolder } from '../../storage/repositories/api-token-repository.js'
import { findOrganizationBySlug } from '../../storage/repositories/organization-repository.js'
import { policyOfVersion } from '../../storage/repositories/policy-repository.js'
import { findMembership } from '../../storage/repositories/user-repository.js'
import { HttpProblem } from '../problems.js'

/** Every route registered so far with its rule; the route-listing test reads this. */
export interface RegisteredRoute {
  method: string
  url: string
  access: AccessName
  /** Which parts of the request a schema validates before the handler runs. */
  schemas: { params: boolean; query: boolean; body: boolean }
  /** The route's schemas themselves (JSON Schema): the OpenAPI document is generated from them. */
  schema: FastifySchema
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[]
  }
}

/**
 * Deny by default (ASVS v5.0.0-8.1.1, 8.2.1-8.2.2, 8.4.1): a route without `config.access` stops
 * the server from starting, and each request is checked against its route's rule before the
 * handler runs. Members of other organizations get 404, so private pages do not even reveal
 * that an organization exists.
 */
export const accessGuard = fp<{ deps: Deps }>(async (app: FastifyInstance, { deps }) => {
  const routes: RegisteredRoute[] = []
  app.decorate('registeredRoutes', routes)
  app.decorateRequest('apiToken', null)

  app.addHook('onRoute', (route) => {
    // The static file plugin registers its own routes: stylesheets and icons are public by nature.
    if (route.url.startsWith('/static/') && !route.config?.access) route.config = { ...route.config, access: 'public' }
    const name = route.config?.access
    if (!name || !(name in access)) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access); refusing to start`)
    }
    const schema = route.schema ?? {}
    const schemas = { params: !!schema.params, query: !!schema.querystring, body: !!schema.body }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: name, schemas, schema })
    }
  })

  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const name = request.routeOptions.config.access
    if (!name) throw new HttpProblem('NOT_FOUND') // unmatched routes (404 handler) have no rule
    const rule = access[name]
    switch (rule.kind) {
      case 'public':
      case 'setup':
        return
      case 'signed-in':
        if (!request.user) throw new HttpProblem('UNAUTHENTICATED')
        return
      case 'reporter':
        if (!request.reportAccess) throw new HttpProblem('NOT_FOUND', translator(request.locale ?? 'en')('portal.invalidLink'))
        return
      case 'member': {
        if (!request.user) throw new HttpProblem('UNAUTHENTICATED')
        const slug = (request.params as { org?: unknown }).org
        if (typeof slug !== 'string') throw new Error(`member route ${request.routeOptions.url} has no :org parameter`)
        const org = await findOrganizationBySlug(deps.db, slug)
        const membership = org && (await findMembership(deps.db, org.id, request.user.id))
        if (!org || !membership) throw new HttpProblem('NOT_FOUND')
        // A session started by one organization's identity provider is good for that organization
        // only: its provider must not reach another organization the person belongs to (issue 13 item 7).
        if (request.user.ssoOrgId && request.user.ssoOrgId !== org.id) throw new HttpProblem('NOT_FOUND')
        // An organization that requires a second factor refuses a session without one on every
        // route, whatever the role: pages send the member to enrol, the API answers 403 (ASVS v5.0.0-6.3.3).
        if (!mayActInOrganization(await policyOfVersion(deps.db, org.id, org.policy_version_id), request.user)) {
          throw new HttpProblem('MFA_REQUIRED')
        }
        if (!rule.roles.includes(membership.role)) throw new HttpProblem('FORBIDDEN')
        request.org = org
        request.role = membership.role
        return
      }
      case 'token': {
        // Only the Authorization header counts: a session cookie never authorizes the API (it has no CSRF check).
        const header = request.headers.authorization
        const secret = typeof header === 'string' ? /^Bearer (emb_[A-Za-z0-9_-]{43})$/.exec(header)?.[1] : undefined
        const slug = (request.params as { org?: unknown }).org
        if (typeof slug !== 'string') throw new Error(`token route ${request.routeOptions.url} has no :org parameter`)
        const org = secret ? await findOrganizationBySlug(deps.db, slug) : undefined
        const holder = org && secret ? await findTokenHolder(deps.db, org.id, hashSecret(secret)) : undefined
        const now = deps.now().toISOString()
        if (!org || !holder || holder.revokedAt !== null || holder.expiresAt <= now || holder.userDisabled || holder.role === null) {
          reply.header('www-authenticate', 'Bearer realm="embargo"')
          throw new HttpProblem('UNAUTHENTICATED', 'A valid API token is required (Authorization: Bearer emb_…).')
        }
        if (!rule.roles.includes(holder.role)) throw new HttpProblem('FORBIDDEN')
        if (rule.scope === 'work' && holder.scope !== 'work') throw new HttpProblem('FORBIDDEN', 'This token has the read scope only.')
        request.org = org
        request.role = holder.role
        request.apiToken = { id: holder.id, userId: holder.userId }
        return
      }
      case 'metrics': {
        // Unset: the route does not exist as far as anyone can tell.
        const expected = deps.config.metricsToken
        if (expected === null) throw new HttpProblem('NOT_FOUND')
        const header = request.headers.authorization
        const given = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : ''
        // Answered here, not through the problem catalogue: a scraper gets 401, never a sign-in redirect.
        if (!sameSecret(given, expected)) {
          return reply
            .code(401)
            .header('www-authenticate', 'Bearer realm="embargo-metrics"')
            .type('text/plain; charset=utf-8')
            .send('The metrics token is required (Authorization: Bearer …).\n')
        }
        return
      }
    }
  })
})

/** Compares two secrets in time that depends on neither (both are hashed to equal length first). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest()
  return crypto.timingSafeEqual(digest(given), digest(expected))
}
