/**
 * The language of every page (issue 14 item 9): the visitor's own choice (a cookie set by the
 * language links in the footer), else the browser's `Accept-Language` among the languages the
 * organization's policy names (`organization.languages`), else the policy's first, else English.
 * Pages read it through the page context; the API and metrics have no language.
 */
import type { Static } from '@sinclair/typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Deps } from '../../deps.js'
import { access } from '../../domain/access/route-rules.js'
import { chooseLocale, offeredLocales } from '../../i18n/locale.js'
import { isLocale, type Locale } from '../../i18n/messages.js'
import { findOrganizationById, findOrganizationBySlug } from '../../storage/repositories/organization-repository.js'
import { policyOfVersion } from '../../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { cookieNames, cookieOptions } from '../cookies.js'
import { safeRedirectTarget } from '../redirect-target.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of the page answering this request (null on the API and before routing). */
    locale: Locale | null
    /** The languages this page may be shown in (the organization's that we have, or all of ours). */
    offeredLocales: Locale[] | null
    /** When the request arrived, by the application's clock (`deps.now`): what "in 2 days" on its page counts from. */
    now: Date | null
  }
}

const yearSeconds = 365 * 24 * 60 * 60

const LanguageParams = Type.Object({ locale: Type.String({ maxLength: 20 }) })
const LanguageQuery = Type.Object({ to: Type.Optional(Type.String({ maxLength: 2048 })) })

const header = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(',') : value)

export const language = fp(
  async (app: FastifyInstance, { deps }: { deps: Deps }) => {
    const cookie = cookieNames(deps.config).language
    app.decorateRequest('locale', null)
    app.decorateRequest('offeredLocales', null)
    app.decorateRequest('now', null)

    /** The organization a page belongs to: the member's, the follow-up link's, or the one named in the address. */
    const organizationOf = async (request: FastifyRequest): Promise<OrganizationRow | undefined> => {
      if (request.org) return request.org
      if (request.reportAccess) return findOrganizationById(deps.db, request.reportAccess.orgId)
      const slug = (request.params as { org?: unknown } | undefined)?.org
      return typeof slug === 'string' ? findOrganizationBySlug(deps.db, slug) : undefined
    }

    // First from the visitor alone, so that a page refused before routing (not found, signed out) has a language too.
    app.addHook('onRequest', async (request) => {
      request.now = deps.now()
      request.locale = chooseLocale({ chosen: request.cookies[cookie], acceptLanguage: header(request.headers['accept-language']) })
    })
    // Then, once the route is known and allowed, among the organization's languages.
    app.addHook('preHandler', async (request) => {
      const rule = access[request.routeOptions.config.access as keyof typeof access]
      if (!rule || rule.kind === 'token' || rule.kind === 'metrics' || request.url.startsWith('/api/')) return
      const org = await organizationOf(request)
      const policy = org ? await policyOfVersion(deps.db, org.id, org.policy_version_id) : undefined
      const offered = policy?.organization.languages
      request.offeredLocales = offeredLocales(offered)
      request.locale = chooseLocale({
        chosen: request.cookies[cookie],
        acceptLanguage: header(request.headers['accept-language']),
        offered,
      })
    })

    // The language links in every page's footer: a plain link (no JavaScript), back to the page it was followed from.
    app.get<{ Params: Static<typeof LanguageParams>; Querystring: Static<typeof LanguageQuery> }>(
      '/language/:locale',
      { config: { access: 'public' }, schema: { params: LanguageParams, querystring: LanguageQuery } },
      async (request, reply) => {
        const target = safeRedirectTarget(request.query.to, deps.config.publicUrl)
        if (isLocale(request.params.locale)) reply.setCookie(cookie, request.params.locale, cookieOptions(deps.config, yearSeconds))
        return reply.redirect(target, 303)
      },
    )
  },
  { name: 'language' },
)
